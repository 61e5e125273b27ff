/* emulator-aql-parser-private.h: the parser state, shared by the
 * statement and the expression halves of the AQL parser
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "emulator-aql-ast.h"
#include "emulator-aql-lexer.h"
#include "emulator-state.h"

G_BEGIN_DECLS

typedef struct {
  EmuAqlLexer   lexer;
  EmuAqlToken   token;
  EmuAqlToken   lookahead;
  gboolean      has_lookahead;
  const char   *text;
  EmuAqlQuery  *query;
  EmuDatabase  *database;
  EmuAqlError  *error;
  GHashTable   *scope;       /* name -> EmuAqlVariable */
  GPtrArray    *modified;    /* names of the collections written so far */
  /* Parsing the operand of INSERT/UPDATE/REPLACE/REMOVE: a top-level IN
   * starts the target collection, not a membership test (bison decides
   * this by lookahead). Cleared inside brackets and parentheses. */
  gboolean      operand;
} EmuAqlParser;

gboolean        emu_aql_parser_failed          (EmuAqlParser    *parser);
void            emu_aql_parser_advance         (EmuAqlParser    *parser);
EmuAqlTokenType emu_aql_parser_peek_next       (EmuAqlParser    *parser);
gboolean        emu_aql_parser_at              (EmuAqlParser    *parser,
                                                EmuAqlTokenType  type);
void            emu_aql_parser_syntax_error    (EmuAqlParser    *parser);
void            emu_aql_parser_not_implemented (EmuAqlParser    *parser,
                                                const char      *what);
gboolean        emu_aql_parser_expect          (EmuAqlParser    *parser,
                                                EmuAqlTokenType  type);
void            emu_aql_parser_declare_parameter (EmuAqlParser  *parser,
                                                  const char    *name);
EmuAqlNode     *emu_aql_parser_collection_node (EmuAqlParser    *parser,
                                                const char      *name);

/* emulator-aql-expression.c */
EmuAqlNode     *emu_aql_parser_expression      (EmuAqlParser    *parser);
EmuAqlNode     *emu_aql_parser_object          (EmuAqlParser    *parser);

G_END_DECLS
