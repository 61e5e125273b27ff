/* emulator-aql-expression.c: AQL expressions, for the supported subset
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Operator precedence as in arangod/Aql/grammar.y, loosest first:
 * ?: < || < && < == != < IN, NOT IN < < <= > >= < .. < + - < * / % <
 * unary - + ! NOT < . [] and calls. So "NOT a == b" is "(NOT a) == b",
 * as the server reads it.
 */

#include <string.h>

#include "emulator-aql-builtins.h"
#include "emulator-aql-functions.h"
#include "emulator-aql-parser-private.h"
#include "emulator-reply.h"
#include "emulator-value.h"

/* An expression inside brackets, parentheses or an argument list. */
static EmuAqlNode *
parse_nested_expression (EmuAqlParser *parser)
{
  gboolean operand = parser->operand;
  EmuAqlNode *node;

  parser->operand = FALSE;
  node = emu_aql_parser_expression (parser);
  parser->operand = operand;
  return node;
}

static EmuAqlNode *
value_node (JsonNode *value)
{
  EmuAqlNode *node = emu_aql_node_new (AQL_NODE_VALUE);

  node->value = value;
  return node;
}

static EmuAqlNode *
binary_node (EmuAqlNodeType  type,
             EmuAqlNode     *left,
             EmuAqlNode     *right)
{
  EmuAqlNode *node = emu_aql_node_new (type);

  emu_aql_node_add (node, left);
  emu_aql_node_add (node, right);
  return node;
}

/* ( arguments ) of a function call; the current token is the name. */
static EmuAqlNode *
parse_function_call (EmuAqlParser *parser)
{
  g_autoptr(EmuAqlNode) node = emu_aql_node_new (AQL_NODE_FUNCTION_CALL);
  const EmuAqlBuiltin *builtin;
  guint arguments, minimum, maximum;

  node->text = g_ascii_strup (parser->token.text, -1);
  emu_aql_parser_advance (parser);   /* name */
  emu_aql_parser_advance (parser);   /* ( */

  while (!emu_aql_parser_at (parser, AQL_TOKEN_CLOSE))
    {
      EmuAqlNode *argument;

      if (node->children->len > 0 && !emu_aql_parser_expect (parser, AQL_TOKEN_COMMA))
        return NULL;
      argument = parse_nested_expression (parser);
      if (argument == NULL)
        return NULL;
      emu_aql_node_add (node, argument);
    }
  emu_aql_parser_advance (parser);   /* ) */

  if (!emu_aql_function_exists (node->text))
    {
      emu_aql_error_set (parser->error, EMU_ERROR_QUERY_FUNCTION_NAME_UNKNOWN,
                         "usage of unknown function '%s()'", node->text);
      return NULL;
    }
  if (!emu_aql_function_supported (node->text))
    {
      g_autofree char *what = g_strdup_printf ("the AQL function %s()", node->text);

      emu_aql_parser_not_implemented (parser, what);
      return NULL;
    }

  /* LENGTH() and its alias COUNT() take exactly one argument. */
  builtin = emu_aql_builtin_lookup (node->text);
  minimum = builtin != NULL ? builtin->min_arguments : 1;
  maximum = builtin != NULL ? builtin->max_arguments : 1;
  arguments = node->children->len;
  if (arguments < minimum || arguments > maximum)
    {
      emu_aql_error_set (parser->error, EMU_ERROR_QUERY_FUNCTION_ARGUMENT_NUMBER_MISMATCH,
                         "invalid number of arguments for function '%s()', "
                         "expected number of arguments: minimum: %u, maximum: %u",
                         node->text, minimum, maximum);
      return NULL;
    }

  return g_steal_pointer (&node);
}

static EmuAqlNode *
parse_array (EmuAqlParser *parser)
{
  g_autoptr(EmuAqlNode) node = emu_aql_node_new (AQL_NODE_ARRAY);

  emu_aql_parser_advance (parser);   /* [ */
  while (!emu_aql_parser_at (parser, AQL_TOKEN_ARRAY_CLOSE))
    {
      EmuAqlNode *element = parse_nested_expression (parser);

      if (element == NULL)
        return NULL;
      emu_aql_node_add (node, element);
      if (emu_aql_parser_at (parser, AQL_TOKEN_COMMA))
        emu_aql_parser_advance (parser);
      else if (!emu_aql_parser_at (parser, AQL_TOKEN_ARRAY_CLOSE))
        {
          emu_aql_parser_syntax_error (parser);
          return NULL;
        }
    }
  emu_aql_parser_advance (parser);   /* ] */
  return g_steal_pointer (&node);
}

static EmuAqlNode *
reference_node (EmuAqlVariable *variable)
{
  EmuAqlNode *node = emu_aql_node_new (AQL_NODE_REFERENCE);

  node->variable = variable;
  return node;
}

/* name: value, "name": value, @param: value, [expression]: value, and
 * the shorthand { variable }. */
static EmuAqlNode *
parse_object_element (EmuAqlParser *parser)
{
  g_autoptr(EmuAqlNode) element = NULL;
  EmuAqlNode *value;

  if (emu_aql_parser_at (parser, AQL_TOKEN_ARRAY_OPEN))
    {
      EmuAqlNode *key;

      emu_aql_parser_advance (parser);
      element = emu_aql_node_new (AQL_NODE_CALCULATED_OBJECT_ELEMENT);
      if ((key = parse_nested_expression (parser)) == NULL)
        return NULL;
      emu_aql_node_add (element, key);
      if (!emu_aql_parser_expect (parser, AQL_TOKEN_ARRAY_CLOSE))
        return NULL;
    }
  else if (emu_aql_parser_at (parser, AQL_TOKEN_PARAMETER))
    {
      EmuAqlNode *key = emu_aql_node_new (AQL_NODE_PARAMETER);

      key->text = g_strdup (parser->token.text);
      emu_aql_parser_declare_parameter (parser, key->text);
      element = emu_aql_node_new (AQL_NODE_CALCULATED_OBJECT_ELEMENT);
      emu_aql_node_add (element, key);
      emu_aql_parser_advance (parser);
    }
  else if (emu_aql_parser_at (parser, AQL_TOKEN_IDENTIFIER) || emu_aql_parser_at (parser, AQL_TOKEN_QUOTED_STRING))
    {
      gboolean identifier = emu_aql_parser_at (parser, AQL_TOKEN_IDENTIFIER);

      element = emu_aql_node_new (AQL_NODE_OBJECT_ELEMENT);
      element->text = g_strdup (parser->token.text);
      emu_aql_parser_advance (parser);

      /* { name } stands for { name: name } with name a variable. */
      if (identifier && (emu_aql_parser_at (parser, AQL_TOKEN_COMMA) || emu_aql_parser_at (parser, AQL_TOKEN_OBJECT_CLOSE)))
        {
          EmuAqlVariable *variable = g_hash_table_lookup (parser->scope, element->text);

          if (variable == NULL)
            {
              emu_aql_error_set (parser->error, EMU_ERROR_QUERY_VARIABLE_NAME_UNKNOWN,
                                 "unknown variable '%s'", element->text);
              return NULL;
            }
          emu_aql_node_add (element, reference_node (variable));
          return g_steal_pointer (&element);
        }
    }
  else
    {
      emu_aql_parser_syntax_error (parser);
      return NULL;
    }

  if (!emu_aql_parser_expect (parser, AQL_TOKEN_COLON) || (value = parse_nested_expression (parser)) == NULL)
    return NULL;
  emu_aql_node_add (element, value);
  return g_steal_pointer (&element);
}

EmuAqlNode *
emu_aql_parser_object (EmuAqlParser *parser)
{
  g_autoptr(EmuAqlNode) node = emu_aql_node_new (AQL_NODE_OBJECT);

  emu_aql_parser_advance (parser);   /* { */
  while (!emu_aql_parser_at (parser, AQL_TOKEN_OBJECT_CLOSE))
    {
      EmuAqlNode *element = parse_object_element (parser);

      if (element == NULL)
        return NULL;
      emu_aql_node_add (node, element);
      if (emu_aql_parser_at (parser, AQL_TOKEN_COMMA))
        emu_aql_parser_advance (parser);
      else if (!emu_aql_parser_at (parser, AQL_TOKEN_OBJECT_CLOSE))
        {
          emu_aql_parser_syntax_error (parser);
          return NULL;
        }
    }
  emu_aql_parser_advance (parser);   /* } */
  return g_steal_pointer (&node);
}

static gboolean
starts_subquery (EmuAqlTokenType type)
{
  switch (type)
    {
    case AQL_TOKEN_FOR:
    case AQL_TOKEN_LET:
    case AQL_TOKEN_RETURN:
    case AQL_TOKEN_COLLECT:
    case AQL_TOKEN_FILTER:
    case AQL_TOKEN_SORT:
    case AQL_TOKEN_LIMIT:
    case AQL_TOKEN_WINDOW:
    case AQL_TOKEN_WITH:
    case AQL_TOKEN_INSERT:
    case AQL_TOKEN_UPDATE:
    case AQL_TOKEN_REPLACE:
    case AQL_TOKEN_REMOVE:
    case AQL_TOKEN_UPSERT:
      return TRUE;
    default:
      return FALSE;
    }
}

static EmuAqlNode *
parse_identifier (EmuAqlParser *parser)
{
  EmuAqlVariable *variable;
  EmuAqlTokenType next = emu_aql_parser_peek_next (parser);
  EmuAqlNode *node;

  if (next == AQL_TOKEN_OPEN)
    return parse_function_call (parser);
  if (next == AQL_TOKEN_SCOPE)
    {
      emu_aql_parser_not_implemented (parser, "calling a user-defined function (NAMESPACE::NAME())");
      return NULL;
    }

  variable = g_hash_table_lookup (parser->scope, parser->token.text);
  if (variable != NULL)
    node = reference_node (variable);
  else
    node = emu_aql_parser_collection_node (parser, parser->token.text);
  emu_aql_parser_advance (parser);
  return node;
}

static EmuAqlNode *
parse_primary (EmuAqlParser *parser)
{
  EmuAqlToken *token = &parser->token;
  EmuAqlNode *node = NULL;

  switch (token->type)
    {
    case AQL_TOKEN_QUOTED_STRING:
      node = value_node (emu_value_string (token->text));
      break;
    case AQL_TOKEN_INTEGER:
      /* An integer too large for 64 bits becomes a double, as in the server. */
      node = value_node (token->overflow ? emu_value_number (token->number)
                                         : emu_value_int (token->integer));
      break;
    case AQL_TOKEN_DOUBLE:
      node = value_node (json_node_new (JSON_NODE_VALUE));
      json_node_set_double (node->value, token->number);
      break;
    case AQL_TOKEN_NULL:
      node = value_node (emu_value_null ());
      break;
    case AQL_TOKEN_TRUE:
    case AQL_TOKEN_FALSE:
      node = value_node (emu_value_boolean (token->type == AQL_TOKEN_TRUE));
      break;
    case AQL_TOKEN_PARAMETER:
      node = emu_aql_node_new (AQL_NODE_PARAMETER);
      node->text = g_strdup (token->text);
      emu_aql_parser_declare_parameter (parser, token->text);
      break;
    case AQL_TOKEN_DATA_SOURCE_PARAMETER:
      {
        g_autofree char *name = g_strdup_printf ("@%s", token->text);

        node = emu_aql_node_new (AQL_NODE_DATASOURCE_PARAMETER);
        node->text = g_strdup (token->text);
        emu_aql_parser_declare_parameter (parser, name);
      }
      break;
    case AQL_TOKEN_IDENTIFIER:
      return parse_identifier (parser);
    case AQL_TOKEN_ARRAY_OPEN:
      return parse_array (parser);
    case AQL_TOKEN_OBJECT_OPEN:
      return emu_aql_parser_object (parser);
    case AQL_TOKEN_OPEN:
      if (starts_subquery (emu_aql_parser_peek_next (parser)))
        {
          emu_aql_parser_not_implemented (parser, "a subquery");
          return NULL;
        }
      emu_aql_parser_advance (parser);
      node = parse_nested_expression (parser);
      if (node == NULL)
        return NULL;
      if (!emu_aql_parser_expect (parser, AQL_TOKEN_CLOSE))
        {
          emu_aql_node_free (node);
          return NULL;
        }
      return node;
    default:
      emu_aql_parser_syntax_error (parser);
      return NULL;
    }

  emu_aql_parser_advance (parser);
  return node;
}

/* . name, . @param, [ expression ]; [* and [? are array operators. */
static EmuAqlNode *
parse_postfix (EmuAqlParser *parser)
{
  g_autoptr(EmuAqlNode) node = parse_primary (parser);

  while (node != NULL)
    {
      if (emu_aql_parser_at (parser, AQL_TOKEN_DOT))
        {
          EmuAqlNode *access;

          emu_aql_parser_advance (parser);
          if (emu_aql_parser_at (parser, AQL_TOKEN_IDENTIFIER) || emu_aql_parser_at (parser, AQL_TOKEN_QUOTED_STRING))
            {
              access = emu_aql_node_new (AQL_NODE_ATTRIBUTE_ACCESS);
              access->text = g_strdup (parser->token.text);
              emu_aql_node_add (access, g_steal_pointer (&node));
            }
          else if (emu_aql_parser_at (parser, AQL_TOKEN_PARAMETER))
            {
              EmuAqlNode *parameter = emu_aql_node_new (AQL_NODE_PARAMETER);

              parameter->text = g_strdup (parser->token.text);
              emu_aql_parser_declare_parameter (parser, parameter->text);
              access = binary_node (AQL_NODE_BOUND_ATTRIBUTE_ACCESS, g_steal_pointer (&node),
                                    parameter);
            }
          else
            {
              emu_aql_parser_syntax_error (parser);
              return NULL;
            }
          emu_aql_parser_advance (parser);
          node = access;
        }
      else if (emu_aql_parser_at (parser, AQL_TOKEN_ARRAY_OPEN))
        {
          EmuAqlNode *index;
          EmuAqlTokenType next = emu_aql_parser_peek_next (parser);

          if (next == AQL_TOKEN_TIMES || next == AQL_TOKEN_QUESTION)
            {
              emu_aql_parser_not_implemented (parser, "the array operators [*] and [? …]");
              return NULL;
            }
          emu_aql_parser_advance (parser);
          if ((index = parse_nested_expression (parser)) == NULL)
            return NULL;
          node = binary_node (AQL_NODE_INDEXED_ACCESS, g_steal_pointer (&node), index);
          if (!emu_aql_parser_expect (parser, AQL_TOKEN_ARRAY_CLOSE))
            return NULL;
        }
      else
        {
          break;
        }
    }

  return g_steal_pointer (&node);
}

static EmuAqlNode *
parse_unary (EmuAqlParser *parser)
{
  EmuAqlNodeType type;
  EmuAqlNode *operand;
  EmuAqlNode *node;

  if (emu_aql_parser_at (parser, AQL_TOKEN_MINUS))
    type = AQL_NODE_UNARY_MINUS;
  else if (emu_aql_parser_at (parser, AQL_TOKEN_PLUS))
    type = AQL_NODE_UNARY_PLUS;
  else if (emu_aql_parser_at (parser, AQL_TOKEN_NOT))
    type = AQL_NODE_UNARY_NOT;
  else
    return parse_postfix (parser);

  emu_aql_parser_advance (parser);
  if ((operand = parse_unary (parser)) == NULL)
    return NULL;

  /* The server folds a minus on a number literal into the value. */
  if (type == AQL_NODE_UNARY_MINUS && operand->type == AQL_NODE_VALUE &&
      emu_value_is_number (operand->value))
    {
      if (json_node_get_value_type (operand->value) == G_TYPE_INT64)
        json_node_set_int (operand->value, -json_node_get_int (operand->value));
      else
        json_node_set_double (operand->value, -json_node_get_double (operand->value));
      return operand;
    }

  node = emu_aql_node_new (type);
  emu_aql_node_add (node, operand);
  return node;
}

typedef EmuAqlNode *(*ParseLevel) (EmuAqlParser *parser);

/* One left-associative level: which tokens, which nodes. */
static EmuAqlNode *
parse_binary_level (EmuAqlParser          *parser,
                    ParseLevel             operand,
                    const EmuAqlTokenType *tokens,
                    const EmuAqlNodeType  *types,
                    guint                  n)
{
  g_autoptr(EmuAqlNode) left = operand (parser);

  while (left != NULL)
    {
      EmuAqlNode *right;
      guint i;

      for (i = 0; i < n && !emu_aql_parser_at (parser, tokens[i]); i++)
        ;
      if (i == n)
        break;

      emu_aql_parser_advance (parser);
      if ((right = operand (parser)) == NULL)
        return NULL;
      left = binary_node (types[i], g_steal_pointer (&left), right);
    }

  return g_steal_pointer (&left);
}

static EmuAqlNode *
parse_multiplicative (EmuAqlParser *parser)
{
  static const EmuAqlTokenType tokens[] = { AQL_TOKEN_TIMES, AQL_TOKEN_DIV, AQL_TOKEN_MOD };
  static const EmuAqlNodeType types[] = { AQL_NODE_TIMES, AQL_NODE_DIV, AQL_NODE_MOD };

  return parse_binary_level (parser, parse_unary, tokens, types, G_N_ELEMENTS (tokens));
}

static EmuAqlNode *
parse_additive (EmuAqlParser *parser)
{
  static const EmuAqlTokenType tokens[] = { AQL_TOKEN_PLUS, AQL_TOKEN_MINUS };
  static const EmuAqlNodeType types[] = { AQL_NODE_PLUS, AQL_NODE_MINUS };

  return parse_binary_level (parser, parse_multiplicative, tokens, types, G_N_ELEMENTS (tokens));
}

static EmuAqlNode *
parse_range (EmuAqlParser *parser)
{
  static const EmuAqlTokenType tokens[] = { AQL_TOKEN_RANGE };
  static const EmuAqlNodeType types[] = { AQL_NODE_RANGE };

  return parse_binary_level (parser, parse_additive, tokens, types, G_N_ELEMENTS (tokens));
}

static EmuAqlNode *
parse_relational (EmuAqlParser *parser)
{
  static const EmuAqlTokenType tokens[] = {
    AQL_TOKEN_LT, AQL_TOKEN_GT, AQL_TOKEN_LE, AQL_TOKEN_GE,
  };
  static const EmuAqlNodeType types[] = {
    AQL_NODE_LT, AQL_NODE_GT, AQL_NODE_LE, AQL_NODE_GE,
  };

  return parse_binary_level (parser, parse_range, tokens, types, G_N_ELEMENTS (tokens));
}

static EmuAqlNode *
parse_membership (EmuAqlParser *parser)
{
  g_autoptr(EmuAqlNode) left = parse_relational (parser);

  while (left != NULL && (emu_aql_parser_at (parser, AQL_TOKEN_NOT_IN) ||
                          (emu_aql_parser_at (parser, AQL_TOKEN_IN) && !parser->operand)))
    {
      EmuAqlNodeType type = emu_aql_parser_at (parser, AQL_TOKEN_IN) ? AQL_NODE_IN : AQL_NODE_NOT_IN;
      EmuAqlNode *right;

      emu_aql_parser_advance (parser);
      if ((right = parse_relational (parser)) == NULL)
        return NULL;
      left = binary_node (type, g_steal_pointer (&left), right);
    }

  return g_steal_pointer (&left);
}

static EmuAqlNode *
parse_equality (EmuAqlParser *parser)
{
  static const EmuAqlTokenType tokens[] = { AQL_TOKEN_EQ, AQL_TOKEN_NE };
  static const EmuAqlNodeType types[] = { AQL_NODE_EQ, AQL_NODE_NE };
  EmuAqlNode *node = parse_binary_level (parser, parse_membership, tokens, types,
                                         G_N_ELEMENTS (tokens));

  if (node == NULL)
    return NULL;

  switch (parser->token.type)
    {
    case AQL_TOKEN_LIKE:
    case AQL_TOKEN_REGEX_MATCH:
    case AQL_TOKEN_REGEX_NON_MATCH:
      emu_aql_node_free (node);
      emu_aql_parser_not_implemented (parser, "the LIKE, =~ and !~ operators");
      return NULL;
    case AQL_TOKEN_ALL:
    case AQL_TOKEN_ANY:
    case AQL_TOKEN_NONE:
    case AQL_TOKEN_AT_LEAST:
      emu_aql_node_free (node);
      emu_aql_parser_not_implemented (parser, "array comparison operators (ALL, ANY, NONE, AT LEAST)");
      return NULL;
    default:
      return node;
    }
}

static EmuAqlNode *
parse_and (EmuAqlParser *parser)
{
  static const EmuAqlTokenType tokens[] = { AQL_TOKEN_AND };
  static const EmuAqlNodeType types[] = { AQL_NODE_AND };

  return parse_binary_level (parser, parse_equality, tokens, types, G_N_ELEMENTS (tokens));
}

static EmuAqlNode *
parse_or (EmuAqlParser *parser)
{
  static const EmuAqlTokenType tokens[] = { AQL_TOKEN_OR };
  static const EmuAqlNodeType types[] = { AQL_NODE_OR };

  return parse_binary_level (parser, parse_and, tokens, types, G_N_ELEMENTS (tokens));
}

/* condition ? then : else, and condition ?: else (right-associative) */
EmuAqlNode *
emu_aql_parser_expression (EmuAqlParser *parser)
{
  g_autoptr(EmuAqlNode) condition = parse_or (parser);
  g_autoptr(EmuAqlNode) then = NULL;
  EmuAqlNode *otherwise;
  EmuAqlNode *node;

  if (condition == NULL || !emu_aql_parser_at (parser, AQL_TOKEN_QUESTION))
    return g_steal_pointer (&condition);

  emu_aql_parser_advance (parser);
  if (!emu_aql_parser_at (parser, AQL_TOKEN_COLON) && (then = emu_aql_parser_expression (parser)) == NULL)
    return NULL;
  if (!emu_aql_parser_expect (parser, AQL_TOKEN_COLON) || (otherwise = emu_aql_parser_expression (parser)) == NULL)
    return NULL;

  node = emu_aql_node_new (AQL_NODE_TERNARY);
  emu_aql_node_add (node, g_steal_pointer (&condition));
  emu_aql_node_add (node, g_steal_pointer (&then));
  emu_aql_node_add (node, otherwise);
  return node;
}

