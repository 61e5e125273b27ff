/* arango-json-lexer-private.h: the tokens of JSON text, for the readers
 * that build json-glib trees and GVariants from it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Both readers accept the same texts: one JSON value (RFC 8259) with
 * white space around it, valid UTF-8, no NUL in strings (json-glib's and
 * GVariant's strings both end at the first one), nesting limited so that
 * no input can exhaust the stack. Only, the GVariant reader also refuses
 * texts nested more deeply than a GVariant can be (see
 * arango-json-variant.c).
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* The most containers one inside another that the readers accept. The
 * writer of request bodies (arango-json-writer.c) refuses deeper trees,
 * so that whatever it writes reads back. */
#define ARANGO_JSON_MAX_DEPTH 512

typedef struct
{
  const char *text;
  const char *end;
  const char *at;
  guint depth;
  GString *scratch;   /* strings that are only looked at, not kept */
  GError **error;     /* where the first failure goes; never NULL */
} ArangoJsonLexer;

typedef enum
{
  ARANGO_JSON_NUMBER_INVALID,
  ARANGO_JSON_NUMBER_INTEGER,
  ARANGO_JSON_NUMBER_DOUBLE,
} ArangoJsonNumber;

void             arango_json_lexer_init         (ArangoJsonLexer  *lexer,
                                                 const char       *text,
                                                 gsize             length,
                                                 GError          **error);
void             arango_json_lexer_clear        (ArangoJsonLexer  *lexer);
gboolean         arango_json_lexer_fail         (ArangoJsonLexer  *lexer,
                                                 const char       *what);
gboolean         arango_json_lexer_expect_word  (ArangoJsonLexer  *lexer,
                                                 const char       *word);
gboolean         arango_json_lexer_read_string  (ArangoJsonLexer  *lexer,
                                                 GString          *out);
ArangoJsonNumber arango_json_lexer_read_number  (ArangoJsonLexer  *lexer,
                                                 gint64           *integer,
                                                 double           *real);
gboolean         arango_json_lexer_skip_value   (ArangoJsonLexer  *lexer);
gboolean         arango_json_lexer_finish       (ArangoJsonLexer  *lexer);

static inline void
arango_json_lexer_skip_white_space (ArangoJsonLexer *lexer)
{
  while (lexer->at < lexer->end &&
         (*lexer->at == ' ' || *lexer->at == '\n' || *lexer->at == '\r' || *lexer->at == '\t'))
    lexer->at++;
}

/* The next byte after white space, or '\0' at the end of the text (no
 * byte of valid JSON between values is a NUL). */
static inline char
arango_json_lexer_peek (ArangoJsonLexer *lexer)
{
  arango_json_lexer_skip_white_space (lexer);
  return lexer->at < lexer->end ? *lexer->at : '\0';
}

/* g_string_append_len() of GLib 2.74 is a general insertion, and
 * appending is most of what the readers do. */
static inline void
arango_json_append (GString    *out,
                    const void *data,
                    gsize       length)
{
  gsize at = out->len;

  if (G_UNLIKELY (at + length >= out->allocated_len))
    g_string_set_size (out, at + length);
  memcpy (out->str + at, data, length);
  out->len = at + length;
  out->str[out->len] = '\0';
}

G_END_DECLS
