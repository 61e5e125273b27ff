/* emulator-aql-ast.h: the parsed form of an AQL query
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* An error of any AQL stage: a real error number and its message. */
typedef struct {
  int   number;     /* 0: none */
  char *message;
} EmuAqlError;

void emu_aql_error_set   (EmuAqlError *error,
                          int          number,
                          const char  *format,
                          ...) G_GNUC_PRINTF (3, 4);
void emu_aql_error_clear (EmuAqlError *error);

/* Expression nodes; the names in emu_aql_node_type_name() are those of
 * the server's AstNode. */
typedef enum {
  AQL_NODE_VALUE,
  AQL_NODE_ARRAY,
  AQL_NODE_OBJECT,
  AQL_NODE_OBJECT_ELEMENT,          /* text: name; children[0]: value */
  AQL_NODE_CALCULATED_OBJECT_ELEMENT, /* children: key, value */
  AQL_NODE_REFERENCE,               /* variable */
  AQL_NODE_COLLECTION,              /* text: name */
  AQL_NODE_PARAMETER,               /* text: name (without @) */
  AQL_NODE_DATASOURCE_PARAMETER,    /* text: name (without @@) */
  AQL_NODE_ATTRIBUTE_ACCESS,        /* text: name; children[0]: object */
  AQL_NODE_BOUND_ATTRIBUTE_ACCESS,  /* children: object, parameter */
  AQL_NODE_INDEXED_ACCESS,          /* children: value, index */
  AQL_NODE_UNARY_PLUS,
  AQL_NODE_UNARY_MINUS,
  AQL_NODE_UNARY_NOT,
  AQL_NODE_AND,
  AQL_NODE_OR,
  AQL_NODE_PLUS,
  AQL_NODE_MINUS,
  AQL_NODE_TIMES,
  AQL_NODE_DIV,
  AQL_NODE_MOD,
  AQL_NODE_EQ,
  AQL_NODE_NE,
  AQL_NODE_LT,
  AQL_NODE_LE,
  AQL_NODE_GT,
  AQL_NODE_GE,
  AQL_NODE_IN,
  AQL_NODE_NOT_IN,
  AQL_NODE_TERNARY,                 /* children: condition, then (NULL: condition), else */
  AQL_NODE_RANGE,
  AQL_NODE_FUNCTION_CALL,           /* text: upper-case name; children: arguments */
} EmuAqlNodeType;

typedef struct _EmuAqlVariable EmuAqlVariable;
typedef struct _EmuAqlNode     EmuAqlNode;

struct _EmuAqlVariable {
  char *name;
  guint id;          /* also the slot of the variable in a row */
};

struct _EmuAqlNode {
  EmuAqlNodeType   type;
  char            *text;
  JsonNode        *value;       /* AQL_NODE_VALUE */
  EmuAqlVariable  *variable;    /* AQL_NODE_REFERENCE */
  GPtrArray       *children;    /* EmuAqlNode, may hold NULL */
};

typedef enum {
  AQL_STATEMENT_FOR,
  AQL_STATEMENT_LET,
  AQL_STATEMENT_FILTER,
  AQL_STATEMENT_SORT,
  AQL_STATEMENT_LIMIT,
  AQL_STATEMENT_RETURN,
  AQL_STATEMENT_INSERT,
  AQL_STATEMENT_UPDATE,
  AQL_STATEMENT_REPLACE,
  AQL_STATEMENT_REMOVE,
} EmuAqlStatementType;

typedef struct {
  EmuAqlNode *expression;
  gboolean    ascending;
} EmuAqlSortElement;

typedef struct {
  EmuAqlStatementType  type;
  EmuAqlVariable      *variable;    /* FOR, LET */
  EmuAqlNode          *expression;  /* FOR source, LET, FILTER, RETURN, document or key */
  EmuAqlNode          *with;        /* UPDATE/REPLACE … WITH document */
  EmuAqlNode          *offset;      /* LIMIT */
  EmuAqlNode          *count;       /* LIMIT */
  EmuAqlNode          *collection;  /* modifications: COLLECTION or DATASOURCE_PARAMETER */
  EmuAqlNode          *options;     /* modifications: OPTIONS object */
  GPtrArray           *sort;        /* EmuAqlSortElement */
  gboolean             distinct;    /* RETURN DISTINCT */
  EmuAqlVariable      *new_variable;/* modifications: NEW */
  EmuAqlVariable      *old_variable;/* modifications: OLD */
} EmuAqlStatement;

typedef struct {
  char      *text;
  GPtrArray *statements;    /* EmuAqlStatement */
  GPtrArray *variables;     /* EmuAqlVariable, by id */
  GPtrArray *parameters;    /* declared bind parameter names, "@x" for @@x */
  GPtrArray *collections;   /* names of the collections used, in order */
  gboolean   modifies;
} EmuAqlQuery;

EmuAqlNode     *emu_aql_node_new        (EmuAqlNodeType  type);
void            emu_aql_node_free       (EmuAqlNode     *node);
EmuAqlNode     *emu_aql_node_child      (EmuAqlNode     *node,
                                         guint           index);
void            emu_aql_node_add        (EmuAqlNode     *node,
                                         EmuAqlNode     *child);
const char     *emu_aql_node_type_name  (EmuAqlNodeType  type);
int             emu_aql_node_type_id    (EmuAqlNodeType  type);
gboolean        emu_aql_node_is_constant (EmuAqlNode    *node);

guint           emu_aql_node_count_references (EmuAqlNode     *node,
                                               EmuAqlVariable *variable);

typedef gboolean (*EmuAqlNodeMatch) (EmuAqlNode *node,
                                     gpointer    data);

void            emu_aql_sort_element_free (gpointer     element);
void            emu_aql_variable_free     (gpointer     variable);

EmuAqlQuery    *emu_aql_query_new       (const char     *text);
void            emu_aql_query_free      (EmuAqlQuery    *query);
EmuAqlStatement *emu_aql_query_add_statement (EmuAqlQuery        *query,
                                              EmuAqlStatementType type);
EmuAqlVariable *emu_aql_query_add_variable (EmuAqlQuery    *query,
                                            const char     *name);
void            emu_aql_query_use_collection (EmuAqlQuery  *query,
                                              const char   *name);
EmuAqlNode     *emu_aql_query_find_node (EmuAqlQuery     *query,
                                         EmuAqlNodeMatch  match,
                                         gpointer         data);

JsonNode       *emu_aql_query_ast_json  (EmuAqlQuery    *query);
/* How an expression is written: as a plan writes it, with the type ids of
 * its nodes, and constant arrays and objects as their value ("raw"; plans
 * since 3.11, before as their elements). */
typedef enum {
  EMU_AQL_JSON_TYPE_IDS      = 1 << 0,
  EMU_AQL_JSON_RAW_CONSTANTS = 1 << 1,
} EmuAqlJsonFlags;

JsonNode       *emu_aql_node_json       (EmuAqlNode     *node,
                                         guint           flags);  /* EmuAqlJsonFlags */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuAqlNode, emu_aql_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (EmuAqlQuery, emu_aql_query_free)

G_END_DECLS
