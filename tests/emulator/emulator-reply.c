/* emulator-reply.c: responses shaped like ArangoDB's
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "emulator-reply.h"

#include <math.h>
#include <string.h>

/* Default errorMessage texts of the numbers in emulator-reply.h, as
 * ../shared/arango-api/errors.tsv lists them. */
static const struct {
  int         number;
  const char *message;
} error_messages[] = {
  { EMU_ERROR_INTERNAL, "internal error" },
  { EMU_ERROR_NOT_IMPLEMENTED, "not implemented" },
  { EMU_ERROR_BAD_PARAMETER, "bad parameter" },
  { EMU_ERROR_FORBIDDEN, "forbidden" },
  { EMU_ERROR_RESOURCE_LIMIT, "resource limit exceeded" },
  { EMU_ERROR_HTTP_BAD_PARAMETER, "bad parameter" },
  { EMU_ERROR_HTTP_UNAUTHORIZED, "unauthorized" },
  { EMU_ERROR_HTTP_FORBIDDEN, "forbidden" },
  { EMU_ERROR_HTTP_NOT_FOUND, "not found" },
  { EMU_ERROR_HTTP_METHOD_NOT_ALLOWED, "method not supported" },
  { EMU_ERROR_HTTP_PRECONDITION_FAILED, "precondition failed" },
  { EMU_ERROR_HTTP_SERVER_ERROR, "internal server error" },
  { EMU_ERROR_HTTP_SERVICE_UNAVAILABLE, "service unavailable" },
  { EMU_ERROR_HTTP_GATEWAY_TIMEOUT, "gateway timeout" },
  { EMU_ERROR_HTTP_CORRUPTED_JSON, "invalid JSON object" },
  { EMU_ERROR_ARANGO_READ_ONLY, "read only" },
  { EMU_ERROR_ARANGO_CONFLICT, "conflict" },
  { EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND, "document not found" },
  { EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND, "collection or view not found" },
  { EMU_ERROR_ARANGO_COLLECTION_PARAMETER_MISSING, "parameter 'collection' not found" },
  { EMU_ERROR_ARANGO_DOCUMENT_HANDLE_BAD, "illegal document identifier" },
  { EMU_ERROR_ARANGO_DUPLICATE_NAME, "duplicate name" },
  { EMU_ERROR_ARANGO_ILLEGAL_NAME, "illegal name" },
  { EMU_ERROR_ARANGO_UNIQUE_CONSTRAINT_VIOLATED, "unique constraint violated" },
  { EMU_ERROR_ARANGO_INDEX_NOT_FOUND, "index not found" },
  { EMU_ERROR_ARANGO_INDEX_HANDLE_BAD, "illegal index identifier" },
  { EMU_ERROR_ARANGO_COLLECTION_TYPE_INVALID, "collection type invalid" },
  { EMU_ERROR_ARANGO_DOCUMENT_KEY_BAD, "illegal document key" },
  { EMU_ERROR_ARANGO_DOCUMENT_KEY_UNEXPECTED, "unexpected document key" },
  { EMU_ERROR_ARANGO_DOCUMENT_TYPE_INVALID, "invalid document type" },
  { EMU_ERROR_ARANGO_DATABASE_NOT_FOUND, "database not found" },
  { EMU_ERROR_ARANGO_DATABASE_NAME_INVALID, "database name invalid" },
  { EMU_ERROR_ARANGO_USE_SYSTEM_DATABASE, "operation only allowed in system database" },
  { EMU_ERROR_ARANGO_INVALID_KEY_GENERATOR, "invalid key generator" },
  /* The trailing space is part of the text in errors.dat. */
  { EMU_ERROR_ARANGO_INVALID_EDGE_ATTRIBUTE,
    "expecting both `_from` and `_to` attributes to be defined in the edge document and have the format `<collectionName>/<vertexKey>` " },
  { EMU_ERROR_QUERY_PARSE, "%s" },
  { EMU_ERROR_QUERY_EMPTY, "query is empty" },
  { EMU_ERROR_QUERY_NUMBER_OUT_OF_RANGE, "number out of range" },
  { EMU_ERROR_QUERY_VARIABLE_REDECLARED, "variable '%s' is assigned multiple times" },
  { EMU_ERROR_QUERY_VARIABLE_NAME_UNKNOWN, "unknown variable '%s'" },
  { EMU_ERROR_QUERY_FUNCTION_NAME_UNKNOWN, "usage of unknown function '%s()'" },
  { EMU_ERROR_QUERY_FUNCTION_ARGUMENT_NUMBER_MISMATCH,
    "invalid number of arguments for function '%s()', expected number of arguments: minimum: %d, maximum: %d" },
  { EMU_ERROR_QUERY_BIND_PARAMETERS_INVALID, "invalid structure of bind parameters" },
  { EMU_ERROR_QUERY_BIND_PARAMETER_MISSING, "no value specified for declared bind parameter '%s'" },
  { EMU_ERROR_QUERY_BIND_PARAMETER_UNDECLARED, "bind parameter '%s' was not declared in the query" },
  { EMU_ERROR_QUERY_BIND_PARAMETER_TYPE, "bind parameter '%s' has an invalid value or type" },
  { EMU_ERROR_QUERY_DIVISION_BY_ZERO, "division by zero" },
  { EMU_ERROR_QUERY_COLLECTION_USED_IN_EXPRESSION, "collection '%s' used as expression operand" },
  { EMU_ERROR_QUERY_COMPILE_TIME_OPTIONS, "query options must be readable at query compile time" },
  { EMU_ERROR_QUERY_ACCESS_AFTER_MODIFICATION, "access after data-modification by %s" },
  { EMU_ERROR_CURSOR_NOT_FOUND, "cursor not found" },
  { EMU_ERROR_CURSOR_BUSY, "cursor is busy" },
  { EMU_ERROR_QUERY_KILLED, "query killed" },
  { EMU_ERROR_QUERY_NOT_FOUND, "query ID not found" },
  { EMU_ERROR_TRANSACTION_UNREGISTERED_COLLECTION, "unregistered collection used in transaction" },
  { EMU_ERROR_TRANSACTION_DISALLOWED_OPERATION, "disallowed operation inside transaction" },
  { EMU_ERROR_TRANSACTION_ABORTED, "transaction aborted" },
  { EMU_ERROR_TRANSACTION_NOT_FOUND, "transaction not found" },
  { EMU_ERROR_USER_NOT_FOUND, "user not found" },
  { EMU_ERROR_CLUSTER_NOT_ALL_SHARDING_ATTRIBUTES_GIVEN, "not all sharding attributes given" },
  { EMU_ERROR_CLUSTER_INSUFFICIENT_DBSERVERS,
    "the number of current DB-Servers is lower than the requested replicationFactor/writeConcern" },
  { EMU_ERROR_LICENSE_EXPIRED_OR_INVALID, "license has expired or is invalid" },
};

/* The HTTP status the server gives an error number when a handler reports
 * it by number, as ../shared/arango-api/errornum-http-status.tsv lists it;
 * every number not listed there is a 500. */
static const struct {
  int   number;
  guint status;
} error_statuses[] = {
  { EMU_ERROR_NOT_IMPLEMENTED, 501 },
  { EMU_ERROR_BAD_PARAMETER, 400 },
  { EMU_ERROR_FORBIDDEN, 403 },
  { EMU_ERROR_HTTP_BAD_PARAMETER, 400 },
  { EMU_ERROR_HTTP_FORBIDDEN, 403 },
  { EMU_ERROR_HTTP_NOT_FOUND, 404 },
  { EMU_ERROR_HTTP_PRECONDITION_FAILED, 412 },
  { EMU_ERROR_HTTP_CORRUPTED_JSON, 400 },
  { EMU_ERROR_ARANGO_READ_ONLY, 403 },
  { EMU_ERROR_ARANGO_CONFLICT, 409 },
  { EMU_ERROR_ARANGO_DOCUMENT_NOT_FOUND, 404 },
  { EMU_ERROR_ARANGO_DATA_SOURCE_NOT_FOUND, 404 },
  { EMU_ERROR_ARANGO_DOCUMENT_HANDLE_BAD, 400 },
  { EMU_ERROR_ARANGO_DUPLICATE_NAME, 409 },
  { EMU_ERROR_ARANGO_ILLEGAL_NAME, 400 },
  { EMU_ERROR_ARANGO_UNIQUE_CONSTRAINT_VIOLATED, 409 },
  { EMU_ERROR_ARANGO_INDEX_NOT_FOUND, 404 },
  { EMU_ERROR_ARANGO_INDEX_HANDLE_BAD, 400 },
  { EMU_ERROR_ARANGO_COLLECTION_TYPE_INVALID, 400 },
  { EMU_ERROR_ARANGO_DOCUMENT_KEY_BAD, 400 },
  { EMU_ERROR_ARANGO_DOCUMENT_KEY_UNEXPECTED, 400 },
  { EMU_ERROR_ARANGO_DOCUMENT_TYPE_INVALID, 400 },
  { EMU_ERROR_ARANGO_DATABASE_NOT_FOUND, 404 },
  { EMU_ERROR_ARANGO_DATABASE_NAME_INVALID, 400 },
  { EMU_ERROR_ARANGO_USE_SYSTEM_DATABASE, 403 },
  { EMU_ERROR_ARANGO_INVALID_KEY_GENERATOR, 400 },
  { EMU_ERROR_ARANGO_INVALID_EDGE_ATTRIBUTE, 400 },
  { EMU_ERROR_QUERY_PARSE, 400 },
  { EMU_ERROR_QUERY_EMPTY, 400 },
  { EMU_ERROR_QUERY_NUMBER_OUT_OF_RANGE, 400 },
  { EMU_ERROR_QUERY_VARIABLE_REDECLARED, 400 },
  { EMU_ERROR_QUERY_VARIABLE_NAME_UNKNOWN, 400 },
  { EMU_ERROR_QUERY_FUNCTION_NAME_UNKNOWN, 400 },
  { EMU_ERROR_QUERY_FUNCTION_ARGUMENT_NUMBER_MISMATCH, 400 },
  { EMU_ERROR_QUERY_BIND_PARAMETERS_INVALID, 400 },
  { EMU_ERROR_QUERY_BIND_PARAMETER_MISSING, 400 },
  { EMU_ERROR_QUERY_BIND_PARAMETER_UNDECLARED, 400 },
  { EMU_ERROR_QUERY_BIND_PARAMETER_TYPE, 400 },
  { EMU_ERROR_QUERY_DIVISION_BY_ZERO, 400 },
  { EMU_ERROR_QUERY_COMPILE_TIME_OPTIONS, 400 },
  { EMU_ERROR_QUERY_ACCESS_AFTER_MODIFICATION, 400 },
  { EMU_ERROR_CURSOR_NOT_FOUND, 404 },
  { EMU_ERROR_CURSOR_BUSY, 409 },
  { EMU_ERROR_QUERY_KILLED, 410 },
  { EMU_ERROR_QUERY_NOT_FOUND, 404 },
  { EMU_ERROR_TRANSACTION_UNREGISTERED_COLLECTION, 400 },
  { EMU_ERROR_TRANSACTION_DISALLOWED_OPERATION, 400 },
  { EMU_ERROR_TRANSACTION_ABORTED, 410 },
  { EMU_ERROR_TRANSACTION_NOT_FOUND, 404 },
  { EMU_ERROR_USER_NOT_FOUND, 404 },
  { EMU_ERROR_CLUSTER_NOT_ALL_SHARDING_ATTRIBUTES_GIVEN, 400 },
};

/* Every response of a Coordinator carries these (NOTES.md, section 1).
 * The names are capitalised the way the server writes them on the wire. */
static const struct {
  const char *name;
  const char *value;
} standard_headers[] = {
  { "X-Content-Type-Options", "nosniff" },
  { "Content-Security-Policy", "frame-ancestors 'self'; form-action 'self';" },
  { "Cache-Control", "no-cache, no-store, must-revalidate, pre-check=0, post-check=0, max-age=0, s-maxage=0" },
  { "Pragma", "no-cache" },
  { "Expires", "0" },
  { "Strict-Transport-Security", "max-age=31536000 ; includeSubDomains" },
  { "X-Arango-Queue-Time-Seconds", "0.000000" },
  { "Server", "ArangoDB" },
  { "Connection", "Keep-Alive" },
};

const char *
emu_error_message (int error_num)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (error_messages); i++)
    if (error_messages[i].number == error_num)
      return error_messages[i].message;

  return "unknown error";
}

guint
emu_error_http_status (int error_num)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (error_statuses); i++)
    if (error_statuses[i].number == error_num)
      return error_statuses[i].status;

  return SOUP_STATUS_INTERNAL_SERVER_ERROR;
}

static void
add_standard_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  guint i;

  /* libsoup adds a Date header that ArangoDB never sends. */
  soup_message_headers_remove (headers, "Date");
  for (i = 0; i < G_N_ELEMENTS (standard_headers); i++)
    soup_message_headers_replace (headers,
                                  standard_headers[i].name,
                                  standard_headers[i].value);
}

void
emu_reply_raw (SoupServerMessage *msg,
               guint              status,
               const char        *content_type,
               const char        *body,
               gsize              length)
{
  add_standard_headers (msg);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                    body, length);
}

void
emu_reply_set_header (SoupServerMessage *msg,
                      const char        *name,
                      const char        *value)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), name, value);
}

void
emu_reply_empty (SoupServerMessage *msg,
                 guint              status)
{
  /* Empty 202/204/304 answers come as text/plain with content-length 0. */
  emu_reply_raw (msg, status, "text/plain", "", 0);
}

static void
append_string (GString    *out,
               const char *text)
{
  const char *p;

  g_string_append_c (out, '"');
  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/* Writes @digits times ten to the power @k the way VelocyPack's dumper
 * (fpconv_dtoa) does: plainly while the number is not too large or too
 * small, else as d.ddde±x. */
static void
append_decimal (GString    *out,
                const char *digits,
                int         k)
{
  int n = strlen (digits);
  int exponent = ABS (k + n - 1);
  int offset = n + k;

  if (k >= 0 && exponent < n + 7)
    {
      g_string_append (out, digits);
      for (; k > 0; k--)
        g_string_append_c (out, '0');
    }
  else if (k < 0 && (k > -7 || exponent < 4))
    {
      if (offset <= 0)
        {
          g_string_append (out, "0.");
          for (; offset < 0; offset++)
            g_string_append_c (out, '0');
          g_string_append (out, digits);
        }
      else
        {
          g_string_append_len (out, digits, offset);
          g_string_append_c (out, '.');
          g_string_append (out, digits + offset);
        }
    }
  else
    {
      g_string_append_c (out, digits[0]);
      if (n > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%c%d", k + n - 1 < 0 ? '-' : '+', exponent);
    }
}

static void
append_double (GString *out,
               gdouble  value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char digits[24];
  char *mantissa, *exponent;
  int precision, n = 0;

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (value == 0)
    {
      g_string_append (out, "0");
      return;
    }

  /* The fewest digits that read back as the same double, as the server's
   * VelocyPack dumper writes it: 0.03 rather than 0.029999999999999999,
   * 4 rather than 4.0 and 10 rather than 1e+01. */
  for (precision = 0; precision <= 16; precision++)
    {
      g_snprintf (format, sizeof format, "%%.%de", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  mantissa = buffer;
  if (*mantissa == '-')
    {
      g_string_append_c (out, '-');
      mantissa++;
    }
  exponent = strchr (mantissa, 'e');
  for (; mantissa < exponent; mantissa++)
    if (g_ascii_isdigit (*mantissa))
      digits[n++] = *mantissa;
  digits[n] = '\0';
  append_decimal (out, digits, atoi (exponent + 1) - (n - 1));
}

static void
append_node (GString  *out,
             JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            append_string (out, name);
            g_string_append_c (out, ':');
            append_node (out, member);
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint i;

        g_string_append_c (out, '[');
        for (i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_node (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/* Compact JSON as the server sends it. JsonGenerator would do, but for its
 * 17-digit doubles. */
char *
emu_json_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  append_node (out, node);
  return g_string_free (out, FALSE);
}

void
emu_reply_json (SoupServerMessage *msg,
                guint              status,
                JsonNode          *body)
{
  g_autofree char *text = emu_json_to_string (body);

  emu_reply_raw (msg, status, "application/json", text, strlen (text));
}

void
emu_reply_builder (SoupServerMessage *msg,
                   guint              status,
                   JsonBuilder       *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  emu_reply_json (msg, status, root);
}

static void
add_www_authenticate (SoupServerMessage *msg)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (soup_message_headers_get_one (request_headers, "x-omit-www-authenticate") != NULL)
    return;

  soup_message_headers_append (headers, "Www-Authenticate", "Basic, realm=\"ArangoDB\"");
  soup_message_headers_append (headers, "Www-Authenticate",
                               "Bearer, token_type=\"JWT\", realm=\"ArangoDB\"");
}

void
emu_reply_error_full (SoupServerMessage *msg,
                      EmuErrorStyle      style,
                      guint              status,
                      int                error_num,
                      const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (message == NULL)
    message = emu_error_message (error_num);

  json_builder_begin_object (builder);
  switch (style)
    {
    case EMU_ERROR_STYLE_HANDLER:
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, status);
      json_builder_set_member_name (builder, "error");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "errorMessage");
      json_builder_add_string_value (builder, message);
      json_builder_set_member_name (builder, "errorNum");
      json_builder_add_int_value (builder, error_num);
      break;

    case EMU_ERROR_STYLE_EARLY:
      json_builder_set_member_name (builder, "error");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "errorNum");
      json_builder_add_int_value (builder, error_num);
      json_builder_set_member_name (builder, "errorMessage");
      json_builder_add_string_value (builder, message);
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, status);
      break;

    case EMU_ERROR_STYLE_LEGACY:
    default:
      json_builder_set_member_name (builder, "error");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "code");
      json_builder_add_int_value (builder, status);
      json_builder_set_member_name (builder, "errorNum");
      json_builder_add_int_value (builder, error_num);
      json_builder_set_member_name (builder, "errorMessage");
      json_builder_add_string_value (builder, message);
      break;
    }
  json_builder_end_object (builder);

  emu_reply_builder (msg, status, builder);

  /* The server's HTTP layer adds the challenge to every 401, whichever
   * code produced it. */
  if (status == SOUP_STATUS_UNAUTHORIZED)
    add_www_authenticate (msg);
}

void
emu_reply_error (SoupServerMessage *msg,
                 guint              status,
                 int                error_num,
                 const char        *message)
{
  emu_reply_error_full (msg, EMU_ERROR_STYLE_HANDLER, status, error_num, message);
}

void
emu_reply_errorf (SoupServerMessage *msg,
                  guint              status,
                  int                error_num,
                  const char        *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  emu_reply_error (msg, status, error_num, message);
}

/* What a server of another role refuses: answers the error and returns
 * TRUE when refused, so that a handler's first line can be
 * "if (refuse_... (req)) return;". */
gboolean
emu_reply_refusal_if (SoupServerMessage *msg,
                      gboolean           refused,
                      guint              status,
                      int                error_num,
                      const char        *message)
{
  if (refused)
    emu_reply_error (msg, status, error_num, message);
  return refused;
}

/* An error a handler reports by number: the status follows the number. */
void
emu_reply_arango_error (SoupServerMessage *msg,
                        int                error_num,
                        const char        *message)
{
  emu_reply_error (msg, emu_error_http_status (error_num), error_num, message);
}

void
emu_reply_arango_errorf (SoupServerMessage *msg,
                         int                error_num,
                         const char        *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  emu_reply_arango_error (msg, error_num, message);
}

JsonBuilder *
emu_json_begin_ok (guint code)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  emu_json_add_ok (builder, code);

  return builder;
}

void
emu_json_add_ok (JsonBuilder *builder,
                 guint        code)
{
  json_builder_set_member_name (builder, "error");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, code);
}

const char *
emu_json_get_string (JsonObject *object,
                     const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gboolean
emu_json_get_number (JsonObject *object,
                     const char *name,
                     gdouble    *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;

  *value = json_node_get_double (node);
  return TRUE;
}

/* An optional member that must be a number >= 0 when present: FALSE
 * when it is not; *value is left alone when it is absent. */
gboolean
emu_json_get_optional_count (JsonObject *object,
                             const char *name,
                             gdouble    *value)
{
  gdouble number;

  if (!json_object_has_member (object, name))
    return TRUE;
  if (!emu_json_get_number (object, name, &number) || number < 0)
    return FALSE;
  *value = number;
  return TRUE;
}

gboolean
emu_json_get_boolean (JsonObject *object,
                      const char *name,
                      gboolean    default_value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return default_value;

  return json_node_get_boolean (node);
}

void
emu_json_add_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
emu_json_add_int (JsonBuilder *builder,
                  const char  *name,
                  gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
emu_json_add_double (JsonBuilder *builder,
                     const char  *name,
                     gdouble      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

void
emu_json_add_boolean (JsonBuilder *builder,
                      const char  *name,
                      gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
emu_json_add_null (JsonBuilder *builder,
                   const char  *name)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_null_value (builder);
}

/* Adds a copy of @value (JSON null when NULL). */
void
emu_json_add_node (JsonBuilder *builder,
                   const char  *name,
                   JsonNode    *value)
{
  if (name != NULL)
    json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_value (builder, json_node_copy (value));
  else
    json_builder_add_null_value (builder);
}
