/* arango-enums.h: public enumerations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__ARANGO_GLIB_INSIDE__) && !defined(ARANGO_COMPILATION)
#error "Only <arango-glib/arango-glib.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * ArangoError:
 * @ARANGO_ERROR_INVALID_ARGUMENT: an argument was not acceptable; nothing
 *   was sent
 * @ARANGO_ERROR_INVALID_HOST: a host URL was malformed, used an unsupported
 *   scheme, or the host list was empty
 * @ARANGO_ERROR_HOSTS_UNAVAILABLE: no coordinator could be reached within
 *   the allowed number of tries
 * @ARANGO_ERROR_CONNECTION: the connection failed after the request may
 *   have reached the server, so it was not sent again
 * @ARANGO_ERROR_INVALID_REPLY: the server's reply could not be understood
 *   (not JSON, truncated, missing fields, wrong types)
 * @ARANGO_ERROR_AUTHENTICATION_FAILED: the server refused the credentials,
 *   or a token given to the library is not a JSON Web Token
 * @ARANGO_ERROR_CLOSED: the client was closed
 * @ARANGO_ERROR_ASYNC_JOB: the call was submitted as an async job (see
 *   arango_database_begin_async_execution()): its result comes from
 *   arango_job_new_from_result() and arango_job_result_async()
 * @ARANGO_ERROR_JOB_PENDING: the async job has not finished yet
 * @ARANGO_ERROR_TOKEN_EXPIRED: the token's expiry (its `exp` claim) has
 *   passed by this machine's clock; a new one takes a new login
 * @ARANGO_ERROR_TRANSACTION_NOT_RUNNING: the stream transaction asked for
 *   has already been committed or aborted
 *
 * Errors that arango-glib reports itself, in the %ARANGO_ERROR domain.
 * Errors that the server reports are in the %ARANGO_SERVER_ERROR domain.
 *
 * More values may be added in the future.
 */
typedef enum {
  ARANGO_ERROR_INVALID_ARGUMENT = 1,
  ARANGO_ERROR_INVALID_HOST = 2,
  ARANGO_ERROR_HOSTS_UNAVAILABLE = 3,
  ARANGO_ERROR_CONNECTION = 4,
  ARANGO_ERROR_INVALID_REPLY = 5,
  ARANGO_ERROR_AUTHENTICATION_FAILED = 6,
  ARANGO_ERROR_CLOSED = 7,
  ARANGO_ERROR_ASYNC_JOB = 8,
  ARANGO_ERROR_JOB_PENDING = 9,
  ARANGO_ERROR_TOKEN_EXPIRED = 10,
  ARANGO_ERROR_TRANSACTION_NOT_RUNNING = 11,
} ArangoError;

/**
 * ArangoServerError:
 * @ARANGO_SERVER_ERROR_FAILED: generic failure
 * @ARANGO_SERVER_ERROR_INTERNAL: internal error
 * @ARANGO_SERVER_ERROR_NOT_IMPLEMENTED: not implemented, or not available
 *   on this deployment type
 * @ARANGO_SERVER_ERROR_BAD_PARAMETER: bad parameter
 * @ARANGO_SERVER_ERROR_FORBIDDEN: not authorized to execute the request
 * @ARANGO_SERVER_ERROR_LOCK_TIMEOUT: lock timeout
 * @ARANGO_SERVER_ERROR_SHUTTING_DOWN: shutdown in progress
 * @ARANGO_SERVER_ERROR_RESOURCE_LIMIT: resource limit exceeded
 * @ARANGO_SERVER_ERROR_DISABLED: the feature is disabled, e.g. JavaScript
 *   on a server started with `--javascript.enabled false`
 * @ARANGO_SERVER_ERROR_HTTP_BAD_PARAMETER: HTTP 400 without a more specific
 *   error number
 * @ARANGO_SERVER_ERROR_HTTP_UNAUTHORIZED: HTTP 401 without a more specific
 *   error number
 * @ARANGO_SERVER_ERROR_HTTP_FORBIDDEN: HTTP 403
 * @ARANGO_SERVER_ERROR_HTTP_NOT_FOUND: HTTP 404, e.g. an unknown path
 * @ARANGO_SERVER_ERROR_HTTP_METHOD_NOT_ALLOWED: method not supported
 * @ARANGO_SERVER_ERROR_HTTP_PRECONDITION_FAILED: precondition failed
 * @ARANGO_SERVER_ERROR_HTTP_SERVER_ERROR: internal server error
 * @ARANGO_SERVER_ERROR_HTTP_SERVICE_UNAVAILABLE: service unavailable
 * @ARANGO_SERVER_ERROR_HTTP_GATEWAY_TIMEOUT: gateway timeout
 * @ARANGO_SERVER_ERROR_HTTP_CORRUPTED_JSON: the request body was not valid
 *   JSON
 * @ARANGO_SERVER_ERROR_READ_ONLY: the server or collection is read-only, or
 *   the write concern was not met
 * @ARANGO_SERVER_ERROR_CONFLICT: conflict, e.g. `_rev` values do not match
 * @ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND: document not found
 * @ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND: collection or view not found
 * @ARANGO_SERVER_ERROR_DOCUMENT_HANDLE_BAD: illegal document identifier
 * @ARANGO_SERVER_ERROR_DUPLICATE_NAME: duplicate name
 * @ARANGO_SERVER_ERROR_ILLEGAL_NAME: illegal name
 * @ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED: unique constraint
 *   violated
 * @ARANGO_SERVER_ERROR_INDEX_NOT_FOUND: index not found
 * @ARANGO_SERVER_ERROR_DOCUMENT_KEY_BAD: illegal document key
 * @ARANGO_SERVER_ERROR_DOCUMENT_TYPE_INVALID: invalid document type
 * @ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND: database not found
 * @ARANGO_SERVER_ERROR_DATABASE_NAME_INVALID: database name invalid
 * @ARANGO_SERVER_ERROR_USE_SYSTEM_DATABASE: operation only allowed in the
 *   `_system` database
 * @ARANGO_SERVER_ERROR_CLUSTER_TIMEOUT: timeout in cluster operation
 * @ARANGO_SERVER_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS: the cluster has
 *   fewer DB-Servers than the replication factor or write concern asked
 *   for
 * @ARANGO_SERVER_ERROR_CLUSTER_BACKEND_UNAVAILABLE: a DB-Server needed for
 *   the operation could not be reached
 * @ARANGO_SERVER_ERROR_CLUSTER_NOT_ALL_SHARDING_ATTRIBUTES_GIVEN: a
 *   document lacks an attribute its collection is sharded by
 * @ARANGO_SERVER_ERROR_QUERY_KILLED: the query was killed
 * @ARANGO_SERVER_ERROR_QUERY_PARSE: AQL syntax error
 * @ARANGO_SERVER_ERROR_QUERY_EMPTY: the query is empty
 * @ARANGO_SERVER_ERROR_QUERY_BIND_PARAMETER_MISSING: no value for a
 *   declared bind parameter
 * @ARANGO_SERVER_ERROR_QUERY_BIND_PARAMETER_TYPE: a bind parameter's value
 *   has a type its place in the query does not take
 * @ARANGO_SERVER_ERROR_QUERY_FUNCTION_INVALID_NAME: not a valid AQL user
 *   function name (`namespace::name`)
 * @ARANGO_SERVER_ERROR_QUERY_FUNCTION_INVALID_CODE: the AQL user function's
 *   code is not a JavaScript function
 * @ARANGO_SERVER_ERROR_QUERY_FUNCTION_NOT_FOUND: no AQL user function of
 *   this name
 * @ARANGO_SERVER_ERROR_QUERY_FUNCTION_RUNTIME_ERROR: an AQL user function
 *   failed while a query ran it
 * @ARANGO_SERVER_ERROR_QUERY_NOT_FOUND: no query with this id is running
 * @ARANGO_SERVER_ERROR_CURSOR_NOT_FOUND: cursor not found
 * @ARANGO_SERVER_ERROR_CURSOR_BUSY: cursor is busy
 * @ARANGO_SERVER_ERROR_TRANSACTION_UNREGISTERED_COLLECTION: a stream
 *   transaction used a collection it did not declare: it wrote one not
 *   declared for writing, or read one undeclared although it does not
 *   allow implicit reads (#ArangoTransactionOptions:allow-implicit)
 * @ARANGO_SERVER_ERROR_TRANSACTION_ABORTED: transaction aborted
 * @ARANGO_SERVER_ERROR_TRANSACTION_NOT_FOUND: transaction not found
 * @ARANGO_SERVER_ERROR_USER_DUPLICATE: duplicate user
 * @ARANGO_SERVER_ERROR_USER_NOT_FOUND: user not found
 * @ARANGO_SERVER_ERROR_TASK_INVALID_ID: invalid task id
 * @ARANGO_SERVER_ERROR_TASK_DUPLICATE_ID: a task with this id already
 *   exists
 * @ARANGO_SERVER_ERROR_TASK_NOT_FOUND: task not found
 * @ARANGO_SERVER_ERROR_GRAPH_COLLECTION_MULTI_USE: an edge collection is
 *   used twice in one graph's edge definitions
 * @ARANGO_SERVER_ERROR_GRAPH_COLLECTION_USE_IN_MULTI_GRAPHS: the edge
 *   collection is already defined differently in another graph
 * @ARANGO_SERVER_ERROR_GRAPH_MALFORMED_EDGE_DEFINITION: malformed edge
 *   definition
 * @ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND: graph not found
 * @ARANGO_SERVER_ERROR_GRAPH_DUPLICATE: graph already exists
 * @ARANGO_SERVER_ERROR_GRAPH_VERTEX_COLLECTION_NOT_FOUND: the vertex
 *   collection does not exist or is not part of the graph
 * @ARANGO_SERVER_ERROR_GRAPH_NOT_IN_ORPHAN_COLLECTION: the collection is not
 *   one of the graph's orphan collections
 * @ARANGO_SERVER_ERROR_GRAPH_COLLECTION_USED_IN_EDGE_DEFINITION: the
 *   collection is already used in an edge definition
 * @ARANGO_SERVER_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED: the edge collection
 *   is not used in the graph
 * @ARANGO_SERVER_ERROR_GRAPH_COLLECTION_USED_IN_ORPHANS: the collection is
 *   one of the graph's orphan collections
 * @ARANGO_SERVER_ERROR_GRAPH_EDGE_COLLECTION_NOT_FOUND: the edge collection
 *   does not exist or is not part of the graph
 * @ARANGO_SERVER_ERROR_GRAPH_MUST_NOT_DROP_COLLECTION: the collection is
 *   part of a graph and cannot be dropped
 * @ARANGO_SERVER_ERROR_GRAPH_REFERENCED_VERTEX_COLLECTION_NOT_USED: a
 *   referenced vertex collection is not part of the graph
 * @ARANGO_SERVER_ERROR_NO_SMART_GRAPH_ATTRIBUTE: a SmartGraph was asked for
 *   without a SmartGraph attribute
 * @ARANGO_SERVER_ERROR_ILLEGAL_SMART_GRAPH_ATTRIBUTE: the attribute cannot
 *   be a SmartGraph attribute
 * @ARANGO_SERVER_ERROR_FAILED_TO_UPLOAD_BACKUP: a hot backup upload failed
 *   or was cancelled
 * @ARANGO_SERVER_ERROR_FAILED_TO_DOWNLOAD_BACKUP: a hot backup download
 *   failed or was cancelled
 * @ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP: no hot backup with this id
 * @ARANGO_SERVER_ERROR_LICENSE_EXPIRED_OR_INVALID: the license key has
 *   expired or is not valid
 * @ARANGO_SERVER_ERROR_QUEUE_FULL: the server's request queue is full
 * @ARANGO_SERVER_ERROR_QUEUE_TIME_REQUIREMENT_VIOLATED: the request waited
 *   in the queue longer than allowed
 *
 * The ArangoDB error numbers (`errorNum`) that programs commonly check.
 *
 * An error in the %ARANGO_SERVER_ERROR domain carries the server's
 * `errorNum` as its code, or the HTTP status when the reply had none, so
 * its code may be a number not listed here; compare with the values that
 * matter to the program.
 */
typedef enum {
  ARANGO_SERVER_ERROR_FAILED = 1,
  ARANGO_SERVER_ERROR_INTERNAL = 4,
  ARANGO_SERVER_ERROR_NOT_IMPLEMENTED = 9,
  ARANGO_SERVER_ERROR_BAD_PARAMETER = 10,
  ARANGO_SERVER_ERROR_FORBIDDEN = 11,
  ARANGO_SERVER_ERROR_LOCK_TIMEOUT = 18,
  ARANGO_SERVER_ERROR_SHUTTING_DOWN = 30,
  ARANGO_SERVER_ERROR_RESOURCE_LIMIT = 32,
  ARANGO_SERVER_ERROR_DISABLED = 36,
  ARANGO_SERVER_ERROR_HTTP_BAD_PARAMETER = 400,
  ARANGO_SERVER_ERROR_HTTP_UNAUTHORIZED = 401,
  ARANGO_SERVER_ERROR_HTTP_FORBIDDEN = 403,
  ARANGO_SERVER_ERROR_HTTP_NOT_FOUND = 404,
  ARANGO_SERVER_ERROR_HTTP_METHOD_NOT_ALLOWED = 405,
  ARANGO_SERVER_ERROR_HTTP_PRECONDITION_FAILED = 412,
  ARANGO_SERVER_ERROR_HTTP_SERVER_ERROR = 500,
  ARANGO_SERVER_ERROR_HTTP_SERVICE_UNAVAILABLE = 503,
  ARANGO_SERVER_ERROR_HTTP_GATEWAY_TIMEOUT = 504,
  ARANGO_SERVER_ERROR_HTTP_CORRUPTED_JSON = 600,
  ARANGO_SERVER_ERROR_READ_ONLY = 1004,
  ARANGO_SERVER_ERROR_CONFLICT = 1200,
  ARANGO_SERVER_ERROR_DOCUMENT_NOT_FOUND = 1202,
  ARANGO_SERVER_ERROR_DATA_SOURCE_NOT_FOUND = 1203,
  ARANGO_SERVER_ERROR_DOCUMENT_HANDLE_BAD = 1205,
  ARANGO_SERVER_ERROR_DUPLICATE_NAME = 1207,
  ARANGO_SERVER_ERROR_ILLEGAL_NAME = 1208,
  ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED = 1210,
  ARANGO_SERVER_ERROR_INDEX_NOT_FOUND = 1212,
  ARANGO_SERVER_ERROR_DOCUMENT_KEY_BAD = 1221,
  ARANGO_SERVER_ERROR_DOCUMENT_TYPE_INVALID = 1227,
  ARANGO_SERVER_ERROR_DATABASE_NOT_FOUND = 1228,
  ARANGO_SERVER_ERROR_DATABASE_NAME_INVALID = 1229,
  ARANGO_SERVER_ERROR_USE_SYSTEM_DATABASE = 1230,
  ARANGO_SERVER_ERROR_CLUSTER_TIMEOUT = 1457,
  ARANGO_SERVER_ERROR_CLUSTER_NOT_ALL_SHARDING_ATTRIBUTES_GIVEN = 1468,
  ARANGO_SERVER_ERROR_CLUSTER_BACKEND_UNAVAILABLE = 1478,
  ARANGO_SERVER_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS = 1487,
  ARANGO_SERVER_ERROR_QUERY_KILLED = 1500,
  ARANGO_SERVER_ERROR_QUERY_PARSE = 1501,
  ARANGO_SERVER_ERROR_QUERY_EMPTY = 1502,
  ARANGO_SERVER_ERROR_QUERY_BIND_PARAMETER_MISSING = 1551,
  ARANGO_SERVER_ERROR_QUERY_BIND_PARAMETER_TYPE = 1553,
  ARANGO_SERVER_ERROR_QUERY_FUNCTION_INVALID_NAME = 1580,
  ARANGO_SERVER_ERROR_QUERY_FUNCTION_INVALID_CODE = 1581,
  ARANGO_SERVER_ERROR_QUERY_FUNCTION_NOT_FOUND = 1582,
  ARANGO_SERVER_ERROR_QUERY_FUNCTION_RUNTIME_ERROR = 1583,
  ARANGO_SERVER_ERROR_QUERY_NOT_FOUND = 1591,
  ARANGO_SERVER_ERROR_CURSOR_NOT_FOUND = 1600,
  ARANGO_SERVER_ERROR_CURSOR_BUSY = 1601,
  ARANGO_SERVER_ERROR_TRANSACTION_UNREGISTERED_COLLECTION = 1652,
  ARANGO_SERVER_ERROR_TRANSACTION_ABORTED = 1654,
  ARANGO_SERVER_ERROR_TRANSACTION_NOT_FOUND = 1655,
  ARANGO_SERVER_ERROR_USER_DUPLICATE = 1702,
  ARANGO_SERVER_ERROR_USER_NOT_FOUND = 1703,
  ARANGO_SERVER_ERROR_TASK_INVALID_ID = 1850,
  ARANGO_SERVER_ERROR_TASK_DUPLICATE_ID = 1851,
  ARANGO_SERVER_ERROR_TASK_NOT_FOUND = 1852,
  ARANGO_SERVER_ERROR_GRAPH_COLLECTION_MULTI_USE = 1920,
  ARANGO_SERVER_ERROR_GRAPH_COLLECTION_USE_IN_MULTI_GRAPHS = 1921,
  ARANGO_SERVER_ERROR_GRAPH_MALFORMED_EDGE_DEFINITION = 1923,
  ARANGO_SERVER_ERROR_GRAPH_NOT_FOUND = 1924,
  ARANGO_SERVER_ERROR_GRAPH_DUPLICATE = 1925,
  ARANGO_SERVER_ERROR_GRAPH_VERTEX_COLLECTION_NOT_FOUND = 1926,
  ARANGO_SERVER_ERROR_GRAPH_NOT_IN_ORPHAN_COLLECTION = 1928,
  ARANGO_SERVER_ERROR_GRAPH_COLLECTION_USED_IN_EDGE_DEFINITION = 1929,
  ARANGO_SERVER_ERROR_GRAPH_EDGE_COLLECTION_NOT_USED = 1930,
  ARANGO_SERVER_ERROR_GRAPH_COLLECTION_USED_IN_ORPHANS = 1938,
  ARANGO_SERVER_ERROR_GRAPH_EDGE_COLLECTION_NOT_FOUND = 1939,
  ARANGO_SERVER_ERROR_GRAPH_MUST_NOT_DROP_COLLECTION = 1942,
  ARANGO_SERVER_ERROR_GRAPH_REFERENCED_VERTEX_COLLECTION_NOT_USED = 1947,
  ARANGO_SERVER_ERROR_NO_SMART_GRAPH_ATTRIBUTE = 4001,
  ARANGO_SERVER_ERROR_ILLEGAL_SMART_GRAPH_ATTRIBUTE = 4004,
  ARANGO_SERVER_ERROR_FAILED_TO_UPLOAD_BACKUP = 7005,
  ARANGO_SERVER_ERROR_FAILED_TO_DOWNLOAD_BACKUP = 7006,
  ARANGO_SERVER_ERROR_NO_SUCH_HOT_BACKUP = 7007,
  ARANGO_SERVER_ERROR_LICENSE_EXPIRED_OR_INVALID = 9001,
  ARANGO_SERVER_ERROR_QUEUE_FULL = 21003,
  ARANGO_SERVER_ERROR_QUEUE_TIME_REQUIREMENT_VIOLATED = 21004,
} ArangoServerError;

/**
 * ArangoAuthMethod:
 * @ARANGO_AUTH_METHOD_BASIC: HTTP basic authentication on every request
 * @ARANGO_AUTH_METHOD_JWT: log in once through `POST /_open/auth` and send
 *   the token it returns as `Authorization: bearer …`; the token is renewed
 *   once when the server says it is no longer valid
 *
 * How an #ArangoDatabase authenticates with user name and password. A
 * ready-made token is used with arango_client_db_with_token_async().
 */
typedef enum {
  ARANGO_AUTH_METHOD_BASIC = 0,
  ARANGO_AUTH_METHOD_JWT = 1,
} ArangoAuthMethod;

/**
 * ArangoDocumentFlags:
 * @ARANGO_DOCUMENT_FLAGS_NONE: the server's defaults
 * @ARANGO_DOCUMENT_FLAGS_RETURN_NEW: the result carries the document as
 *   stored, under `new`
 * @ARANGO_DOCUMENT_FLAGS_RETURN_OLD: the result carries the document as it
 *   was, under `old`
 * @ARANGO_DOCUMENT_FLAGS_SILENT: the server answers with an empty object
 *   (errors are still reported)
 * @ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC: wait until the change is on disk
 * @ARANGO_DOCUMENT_FLAGS_CHECK_REV: refuse the change with
 *   %ARANGO_SERVER_ERROR_CONFLICT when the `_rev` given with the document
 *   is not the stored one
 * @ARANGO_DOCUMENT_FLAGS_REMOVE_NULL: an update removes the attributes set
 *   to `null` instead of storing `null` (`keepNull=false`)
 * @ARANGO_DOCUMENT_FLAGS_REPLACE_OBJECTS: an update replaces object
 *   attributes instead of merging them (`mergeObjects=false`)
 * @ARANGO_DOCUMENT_FLAGS_OVERWRITE_IGNORE: an insert with an existing key
 *   keeps the stored document and succeeds
 * @ARANGO_DOCUMENT_FLAGS_OVERWRITE_REPLACE: an insert with an existing key
 *   replaces the stored document
 * @ARANGO_DOCUMENT_FLAGS_OVERWRITE_UPDATE: an insert with an existing key
 *   updates (merges into) the stored document
 * @ARANGO_DOCUMENT_FLAGS_OVERWRITE_CONFLICT: an insert with an existing
 *   key fails with %ARANGO_SERVER_ERROR_UNIQUE_CONSTRAINT_VIOLATED (the
 *   server's default, stated explicitly)
 *
 * Options of the document calls of #ArangoCollection, named after the
 * query parameters ArangoDB takes. At most one `OVERWRITE` flag may be
 * given, and only to inserts.
 */
typedef enum {
  ARANGO_DOCUMENT_FLAGS_NONE = 0,
  ARANGO_DOCUMENT_FLAGS_RETURN_NEW = 1 << 0,
  ARANGO_DOCUMENT_FLAGS_RETURN_OLD = 1 << 1,
  ARANGO_DOCUMENT_FLAGS_SILENT = 1 << 2,
  ARANGO_DOCUMENT_FLAGS_WAIT_FOR_SYNC = 1 << 3,
  ARANGO_DOCUMENT_FLAGS_CHECK_REV = 1 << 4,
  ARANGO_DOCUMENT_FLAGS_REMOVE_NULL = 1 << 5,
  ARANGO_DOCUMENT_FLAGS_REPLACE_OBJECTS = 1 << 6,
  ARANGO_DOCUMENT_FLAGS_OVERWRITE_IGNORE = 1 << 7,
  ARANGO_DOCUMENT_FLAGS_OVERWRITE_REPLACE = 1 << 8,
  ARANGO_DOCUMENT_FLAGS_OVERWRITE_UPDATE = 1 << 9,
  ARANGO_DOCUMENT_FLAGS_OVERWRITE_CONFLICT = 1 << 10,
} ArangoDocumentFlags;

/**
 * ArangoCollectionType:
 * @ARANGO_COLLECTION_TYPE_DOCUMENT: a document collection
 * @ARANGO_COLLECTION_TYPE_EDGE: an edge collection, whose documents carry
 *   `_from` and `_to`
 *
 * The two kinds of collections, numbered as ArangoDB numbers them.
 */
typedef enum {
  ARANGO_COLLECTION_TYPE_DOCUMENT = 2,
  ARANGO_COLLECTION_TYPE_EDGE = 3,
} ArangoCollectionType;

/**
 * ArangoEdgeDirection:
 * @ARANGO_EDGE_DIRECTION_ANY: edges that start or end at the vertex
 * @ARANGO_EDGE_DIRECTION_OUT: edges that start at the vertex (`_from`)
 * @ARANGO_EDGE_DIRECTION_IN: edges that end at the vertex (`_to`)
 *
 * Which edges of a vertex arango_graph_edges_async() lists.
 */
typedef enum {
  ARANGO_EDGE_DIRECTION_ANY = 0,
  ARANGO_EDGE_DIRECTION_OUT = 1,
  ARANGO_EDGE_DIRECTION_IN = 2,
} ArangoEdgeDirection;

/**
 * ArangoJobStatus:
 * @ARANGO_JOB_STATUS_PENDING: the job is queued or running
 * @ARANGO_JOB_STATUS_DONE: the job has finished; its result can be fetched
 *
 * The status of an async job (`GET /_api/job/{id}`).
 */
typedef enum {
  ARANGO_JOB_STATUS_PENDING = 0,
  ARANGO_JOB_STATUS_DONE = 1,
} ArangoJobStatus;

/**
 * ArangoPermission:
 * @ARANGO_PERMISSION_NONE: no access (`"none"`)
 * @ARANGO_PERMISSION_READ_ONLY: read access (`"ro"`)
 * @ARANGO_PERMISSION_READ_WRITE: read and write access (`"rw"`)
 *
 * The access level of a user to a database or a collection.
 */
typedef enum {
  ARANGO_PERMISSION_NONE = 0,
  ARANGO_PERMISSION_READ_ONLY = 1,
  ARANGO_PERMISSION_READ_WRITE = 2,
} ArangoPermission;

/**
 * ArangoDeleteDatabaseFlags:
 * @ARANGO_DELETE_DATABASE_FLAGS_NONE: a database that does not exist is an
 *   error
 * @ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING: a database that does not
 *   exist is no error: the call returns %FALSE
 *
 * Options of arango_database_delete_database_with_flags_async().
 */
typedef enum {
  ARANGO_DELETE_DATABASE_FLAGS_NONE = 0,
  ARANGO_DELETE_DATABASE_FLAGS_IGNORE_MISSING = 1 << 0,
} ArangoDeleteDatabaseFlags;

/**
 * ArangoShutdownFlags:
 * @ARANGO_SHUTDOWN_FLAGS_NONE: shut down now, staying a member of the
 *   cluster
 * @ARANGO_SHUTDOWN_FLAGS_SOFT: a Coordinator first lets its running AQL
 *   cursors, stream transactions and async jobs finish (`soft=true`)
 * @ARANGO_SHUTDOWN_FLAGS_REMOVE_FROM_CLUSTER: the server also leaves the
 *   cluster (`remove_from_cluster=1`): going down it removes itself from
 *   the cluster's plan, so it drops out of the cluster health and of the
 *   Coordinators' endpoint list until it is started again
 *
 * Options of arango_database_shutdown_with_flags_async().
 */
typedef enum {
  ARANGO_SHUTDOWN_FLAGS_NONE = 0,
  ARANGO_SHUTDOWN_FLAGS_SOFT = 1 << 0,
  ARANGO_SHUTDOWN_FLAGS_REMOVE_FROM_CLUSTER = 1 << 1,
} ArangoShutdownFlags;

G_END_DECLS
