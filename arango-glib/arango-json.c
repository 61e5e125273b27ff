/* arango-json.c: a JSON reader that builds json-glib trees
 *
 * json-glib's own parser goes through a general-purpose scanner and is
 * the whole cost of reading large query results; this one reads the bytes
 * directly into the same JsonNode trees. What it accepts is in
 * arango-json-lexer-private.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-json-lexer-private.h"
#include "arango-json-private.h"

typedef struct
{
  ArangoJsonLexer lexer;
  const char *deferred_member;   /* a top-level member only checked */
  const char *deferred_start;
  gsize deferred_length;
} Reader;

static JsonNode *read_value (Reader *reader);

/* The scratch string holds the last string read; json-glib copies it. */
static const char *
read_string (Reader *reader)
{
  g_string_truncate (reader->lexer.scratch, 0);
  if (!arango_json_lexer_read_string (&reader->lexer, reader->lexer.scratch))
    return NULL;
  return reader->lexer.scratch->str;
}

static JsonNode *
read_number (Reader *reader)
{
  gint64 integer;
  double real;

  switch (arango_json_lexer_read_number (&reader->lexer, &integer, &real))
    {
    case ARANGO_JSON_NUMBER_INTEGER:
      return json_node_init_int (json_node_alloc (), integer);
    case ARANGO_JSON_NUMBER_DOUBLE:
      return json_node_init_double (json_node_alloc (), real);
    default:
      return NULL;
    }
}

static JsonNode *
read_array (Reader *reader)
{
  ArangoJsonLexer *lexer = &reader->lexer;
  JsonArray *array = json_array_new ();
  JsonNode *node;

  lexer->at++;
  if (arango_json_lexer_peek (lexer) == ']')
    lexer->at++;
  else
    for (;;)
      {
        JsonNode *element = read_value (reader);
        char next;

        if (element == NULL)
          goto failed;
        json_array_add_element (array, element);
        next = arango_json_lexer_peek (lexer);
        if (next == ',')
          {
            lexer->at++;
            continue;
          }
        if (next == ']')
          {
            lexer->at++;
            break;
          }
        arango_json_lexer_fail (lexer, _("Expected “,” or “]”"));
        goto failed;
      }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;

failed:
  json_array_unref (array);
  return NULL;
}

/* Reads a member's value into @object. json-glib's typed setters skip
 * the lookup that json_object_set_member() makes first, so the common
 * scalar members cost one hash lookup less. */
static gboolean
read_member_value (Reader     *reader,
                   JsonObject *object,
                   const char *name)
{
  ArangoJsonLexer *lexer = &reader->lexer;
  JsonNode *value;

  switch (arango_json_lexer_peek (lexer))
    {
    case '"':
      {
        const char *string = read_string (reader);

        if (string == NULL)
          return FALSE;
        json_object_set_string_member (object, name, string);
        return TRUE;
      }
    case 't':
      if (!arango_json_lexer_expect_word (lexer, "true"))
        return FALSE;
      json_object_set_boolean_member (object, name, TRUE);
      return TRUE;
    case 'f':
      if (!arango_json_lexer_expect_word (lexer, "false"))
        return FALSE;
      json_object_set_boolean_member (object, name, FALSE);
      return TRUE;
    case 'n':
      if (!arango_json_lexer_expect_word (lexer, "null"))
        return FALSE;
      json_object_set_null_member (object, name);
      return TRUE;
    default:
      break;
    }

  value = read_value (reader);
  if (value == NULL)
    return FALSE;
  json_object_set_member (object, name, value);
  return TRUE;
}

/* The deferred member is checked and its text noted, not read. */
static gboolean
defer_member_value (Reader *reader)
{
  ArangoJsonLexer *lexer = &reader->lexer;
  const char *start;

  arango_json_lexer_skip_white_space (lexer);
  start = lexer->at;
  if (!arango_json_lexer_skip_value (lexer))
    return FALSE;
  reader->deferred_start = start;
  reader->deferred_length = lexer->at - start;
  return TRUE;
}

static gboolean
is_deferred (Reader     *reader,
             const char *name)
{
  return reader->deferred_member != NULL && reader->lexer.depth == 1 &&
         strcmp (name, reader->deferred_member) == 0;
}

static JsonNode *
read_object (Reader *reader)
{
  ArangoJsonLexer *lexer = &reader->lexer;
  JsonObject *object = json_object_new ();
  JsonNode *node;

  lexer->at++;
  if (arango_json_lexer_peek (lexer) == '}')
    lexer->at++;
  else
    for (;;)
      {
        char short_name[64];
        g_autofree char *long_name = NULL;
        const char *name;
        gsize name_length;
        gboolean read;
        char next;

        if (lexer->at >= lexer->end || *lexer->at != '"')
          {
            arango_json_lexer_fail (lexer, _("Expected a member name"));
            goto failed;
          }
        /* The name must outlive the value's own strings: short names are
         * kept on the stack, so most members cost no allocation here. */
        name = read_string (reader);
        if (name == NULL)
          goto failed;
        name_length = lexer->scratch->len;
        if (name_length < sizeof short_name)
          name = memcpy (short_name, name, name_length + 1);
        else
          name = long_name = g_strndup (name, name_length);
        if (arango_json_lexer_peek (lexer) != ':')
          {
            arango_json_lexer_fail (lexer, _("Expected “:”"));
            goto failed;
          }
        lexer->at++;
        if (is_deferred (reader, name))
          read = defer_member_value (reader);
        else
          read = read_member_value (reader, object, name);
        if (!read)
          goto failed;
        next = arango_json_lexer_peek (lexer);
        if (next == ',')
          {
            lexer->at++;
            arango_json_lexer_skip_white_space (lexer);
            continue;
          }
        if (next == '}')
          {
            lexer->at++;
            break;
          }
        arango_json_lexer_fail (lexer, _("Expected “,” or “}”"));
        goto failed;
      }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;

failed:
  json_object_unref (object);
  return NULL;
}

static JsonNode *
read_value (Reader *reader)
{
  ArangoJsonLexer *lexer = &reader->lexer;
  JsonNode *node = NULL;

  switch (arango_json_lexer_peek (lexer))
    {
    case '\0':
      arango_json_lexer_fail (lexer, _("Unexpected end of data"));
      return NULL;

    case '{':
    case '[':
      if (++lexer->depth > ARANGO_JSON_MAX_DEPTH)
        {
          arango_json_lexer_fail (lexer, _("Nesting too deep"));
          return NULL;
        }
      node = *lexer->at == '{' ? read_object (reader) : read_array (reader);
      lexer->depth--;
      return node;

    case '"':
      {
        const char *string = read_string (reader);

        return string ? json_node_init_string (json_node_alloc (), string) : NULL;
      }

    case 't':
      return arango_json_lexer_expect_word (lexer, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return arango_json_lexer_expect_word (lexer, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return arango_json_lexer_expect_word (lexer, "null") ? json_node_init_null (json_node_alloc ()) : NULL;

    default:
      return read_number (reader);
    }
}

static JsonNode *
parse (Reader *reader)
{
  JsonNode *root = read_value (reader);

  if (root != NULL && !arango_json_lexer_finish (&reader->lexer))
    g_clear_pointer (&root, json_node_unref);
  arango_json_lexer_clear (&reader->lexer);
  return root;
}

/* Reads one JSON document; NULL with an error (domain JSON_PARSER_ERROR)
 * when @text is not exactly one JSON value. */
JsonNode *
arango_json_parse (const char  *text,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  Reader reader = { 0 };
  JsonNode *root;

  arango_json_lexer_init (&reader.lexer, text, length, &local_error);
  root = parse (&reader);
  if (root == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return root;
}

/* Like arango_json_parse(), but the top-level object's member
 * @deferred_member is left out of the tree: its value is only checked,
 * and where it lies in @text is returned. *@deferred_length is 0 when
 * there is no such member. */
JsonNode *
arango_json_parse_deferring (const char  *text,
                             gsize        length,
                             const char  *deferred_member,
                             gsize       *deferred_offset,
                             gsize       *deferred_length,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  Reader reader = { .deferred_member = deferred_member };
  JsonNode *root;

  arango_json_lexer_init (&reader.lexer, text, length, &local_error);
  root = parse (&reader);
  if (root == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  *deferred_offset = reader.deferred_start ? (gsize) (reader.deferred_start - text) : 0;
  *deferred_length = reader.deferred_length;
  return root;
}
