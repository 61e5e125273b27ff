/* arango-json-variant.c: a JSON reader that writes GVariants
 *
 * A json-glib tree costs a hash table per object and several allocations
 * per member to build, and as much again to free; for a batch of query
 * results that is most of the work. This reader writes the GVariant
 * serialisation format (GLib's gvariant-serialiser) straight from the
 * text into one buffer: the whole value is one allocation.
 *
 * JSON maps onto GVariant as json-glib's json_gvariant_serialize() reads
 * it back: an object is a{sv}, an array av, a string s, an integer x
 * (one beyond gint64 a double, d), a number with a fraction or exponent
 * d, true and false b, null the empty maybe mv. Members keep their order,
 * duplicates included.
 *
 * GVariant nests less deeply than JSON may here: each level of objects
 * costs it three levels (array, dict entry, variant), each level of arrays
 * two, and GLib takes serialised data nested beyond its limit for a unit
 * (). A text nested that deeply is refused, so that what this reader
 * returns as trusted is always in normal form.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "arango-json-lexer-private.h"
#include "arango-json-private.h"

/* Every value this writer starts is at a multiple of 8 from the start of
 * the buffer: the top-level value is at 0, and the only values inside a
 * container are variants (aligned to 8), whose child starts where they
 * do. So alignment relative to any container equals absolute alignment. */
#define VARIANT_ALIGNMENT 8

/* GLib's G_VARIANT_MAX_RECURSION_DEPTH, which it keeps private: no part
 * of a variant's type may lie this deep in the whole value. */
#define VARIANT_MAX_DEPTH 128

typedef enum
{
  VALUE_INVALID,
  VALUE_STRING,
  VALUE_INTEGER,
  VALUE_DOUBLE,
  VALUE_BOOLEAN,
  VALUE_NULL,
  VALUE_OBJECT,
  VALUE_ARRAY,
} ValueType;

/* What follows a value inside a variant: a NUL and the value's type;
 * and how many levels that type spans. */
static const struct
{
  const char *text;
  guint8 length;
  guint8 type_depth;
} variant_suffix[] = {
  [VALUE_STRING] = { "\0s", 2, 1 },
  [VALUE_INTEGER] = { "\0x", 2, 1 },
  [VALUE_DOUBLE] = { "\0d", 2, 1 },
  [VALUE_BOOLEAN] = { "\0b", 2, 1 },
  [VALUE_NULL] = { "\0mv", 3, 2 },
  [VALUE_OBJECT] = { "\0a{sv}", 6, 3 },
  [VALUE_ARRAY] = { "\0av", 3, 2 },
};

typedef struct
{
  ArangoJsonLexer lexer;
  GString *out;
  gsize *ends;    /* element ends waiting for their container's framing offsets */
  gsize n_ends;
  gsize ends_size;
  guint depth;    /* GVariant's: of the value being written, the top one at 0 */
} Writer;

static ValueType write_value (Writer *writer);

static void
pad (GString *out)
{
  static const char zeros[VARIANT_ALIGNMENT] = { 0 };
  gsize misalignment = out->len % VARIANT_ALIGNMENT;

  if (misalignment != 0)
    arango_json_append (out, zeros, VARIANT_ALIGNMENT - misalignment);
}

/* The size of the framing offsets of a container whose content is
 * @body_size bytes followed by @n_offsets offsets: the smallest that can
 * address the whole container. */
static guint
offset_size (gsize body_size,
             gsize n_offsets)
{
  if (body_size + n_offsets <= G_MAXUINT8)
    return 1;
  if (body_size + 2 * n_offsets <= G_MAXUINT16)
    return 2;
  if (body_size + 4 * n_offsets <= G_MAXUINT32)
    return 4;
  return 8;
}

/* Framing offsets are little-endian whatever the host. */
static void
append_offset (GString *out,
               gsize    offset,
               guint    size)
{
  guint64 little_endian = GUINT64_TO_LE ((guint64) offset);

  arango_json_append (out, &little_endian, size);
}

/* Closes an array that started at @start: its elements' ends, from
 * index @first of the pending ones, go after them. */
static void
push_end (Writer *writer,
          gsize   end)
{
  if (G_UNLIKELY (writer->n_ends == writer->ends_size))
    {
      writer->ends_size = MAX (64, writer->ends_size * 2);
      writer->ends = g_renew (gsize, writer->ends, writer->ends_size);
    }
  writer->ends[writer->n_ends++] = end;
}

static void
close_array (Writer *writer,
             gsize   start,
             gsize   first)
{
  gsize n_offsets = writer->n_ends - first;
  guint size;

  if (n_offsets == 0)
    return;
  size = offset_size (writer->out->len - start, n_offsets);
  for (gsize i = first; i < writer->n_ends; i++)
    append_offset (writer->out, writer->ends[i], size);
  writer->n_ends = first;
}

/* A variant holds its child, a NUL and the child's type. */
static gboolean
write_variant (Writer *writer)
{
  ValueType type;

  writer->depth++;
  type = write_value (writer);
  writer->depth--;
  if (type == VALUE_INVALID)
    return FALSE;
  if (writer->depth + variant_suffix[type].type_depth >= VARIANT_MAX_DEPTH)
    return arango_json_lexer_fail (&writer->lexer, _("Nesting too deep for a GVariant"));
  arango_json_append (writer->out, variant_suffix[type].text, variant_suffix[type].length);
  return TRUE;
}

/* A dict entry {sv}: the key, the variant at the next multiple of 8, and
 * the key's end as the entry's one framing offset. */
static gboolean
write_member (Writer *writer)
{
  ArangoJsonLexer *lexer = &writer->lexer;
  GString *out = writer->out;
  gsize start = out->len;
  gsize key_end;
  gboolean written;

  if (lexer->at >= lexer->end || *lexer->at != '"')
    return arango_json_lexer_fail (lexer, _("Expected a member name"));
  if (!arango_json_lexer_read_string (lexer, out))
    return FALSE;
  g_string_append_c (out, '\0');
  key_end = out->len - start;
  if (arango_json_lexer_peek (lexer) != ':')
    return arango_json_lexer_fail (lexer, _("Expected “:”"));
  lexer->at++;
  pad (out);
  writer->depth++;
  written = write_variant (writer);
  writer->depth--;
  if (!written)
    return FALSE;
  append_offset (out, key_end, offset_size (out->len - start, 1));
  return TRUE;
}

static ValueType
write_container (Writer *writer)
{
  ArangoJsonLexer *lexer = &writer->lexer;
  gboolean is_object = *lexer->at == '{';
  char close = is_object ? '}' : ']';
  gsize start = writer->out->len;
  gsize first = writer->n_ends;

  lexer->at++;
  if (arango_json_lexer_peek (lexer) == close)
    lexer->at++;
  else
    for (;;)
      {
        gboolean written;
        char next;

        pad (writer->out);
        /* The elements, or the dict entries, lie one level deeper. */
        writer->depth++;
        written = is_object ? write_member (writer) : write_variant (writer);
        writer->depth--;
        if (!written)
          return VALUE_INVALID;
        push_end (writer, writer->out->len - start);

        next = arango_json_lexer_peek (lexer);
        if (next == ',')
          {
            lexer->at++;
            arango_json_lexer_skip_white_space (lexer);
            continue;
          }
        if (next == close)
          {
            lexer->at++;
            break;
          }
        arango_json_lexer_fail (lexer, is_object ? _("Expected “,” or “}”")
                                                 : _("Expected “,” or “]”"));
        return VALUE_INVALID;
      }

  close_array (writer, start, first);
  return is_object ? VALUE_OBJECT : VALUE_ARRAY;
}

static ValueType
write_number (Writer *writer)
{
  gint64 integer;
  double real;

  switch (arango_json_lexer_read_number (&writer->lexer, &integer, &real))
    {
    case ARANGO_JSON_NUMBER_INTEGER:
      arango_json_append (writer->out, &integer, sizeof integer);
      return VALUE_INTEGER;
    case ARANGO_JSON_NUMBER_DOUBLE:
      arango_json_append (writer->out, &real, sizeof real);
      return VALUE_DOUBLE;
    default:
      return VALUE_INVALID;
    }
}

/* Writes the value at lexer->at; returns its type, or VALUE_INVALID on
 * an error. */
static ValueType
write_value (Writer *writer)
{
  ArangoJsonLexer *lexer = &writer->lexer;
  ValueType type;

  switch (arango_json_lexer_peek (lexer))
    {
    case '\0':
      arango_json_lexer_fail (lexer, _("Unexpected end of data"));
      return VALUE_INVALID;

    case '{':
    case '[':
      if (++lexer->depth > ARANGO_JSON_MAX_DEPTH)
        {
          arango_json_lexer_fail (lexer, _("Nesting too deep"));
          return VALUE_INVALID;
        }
      type = write_container (writer);
      lexer->depth--;
      return type;

    case '"':
      if (!arango_json_lexer_read_string (lexer, writer->out))
        return VALUE_INVALID;
      g_string_append_c (writer->out, '\0');
      return VALUE_STRING;

    case 't':
      if (!arango_json_lexer_expect_word (lexer, "true"))
        return VALUE_INVALID;
      g_string_append_c (writer->out, 1);
      return VALUE_BOOLEAN;
    case 'f':
      if (!arango_json_lexer_expect_word (lexer, "false"))
        return VALUE_INVALID;
      g_string_append_c (writer->out, 0);
      return VALUE_BOOLEAN;
    case 'n':
      /* Nothing: an empty maybe takes no bytes. */
      return arango_json_lexer_expect_word (lexer, "null") ? VALUE_NULL : VALUE_INVALID;

    default:
      return write_number (writer);
    }
}

/* Reads one JSON document into a GVariant of the types above; NULL with
 * an error (domain JSON_PARSER_ERROR) when @text is not exactly one JSON
 * value. Returns: (transfer full): a GVariant that is not floating */
GVariant *
arango_json_parse_variant (const char  *text,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  Writer writer = { 0 };
  ValueType type;
  GVariant *variant = NULL;

  arango_json_lexer_init (&writer.lexer, text, length, &local_error);
  /* Query results serialise to about 1.5 times their text (alignment,
   * types, offsets): one allocation for most. */
  writer.out = g_string_sized_new (length + length / 2 + 64);

  type = write_value (&writer);
  if (type != VALUE_INVALID && arango_json_lexer_finish (&writer.lexer))
    {
      g_autoptr(GBytes) bytes = g_string_free_to_bytes (g_steal_pointer (&writer.out));
      /* The type is the suffix a variant would carry, after its NUL. */
      const GVariantType *variant_type = G_VARIANT_TYPE (variant_suffix[type].text + 1);

      /* Trusted: the writer only makes normal forms (the fuzz target
       * checks each one). */
      variant = g_variant_ref_sink (g_variant_new_from_bytes (variant_type, bytes, TRUE));
    }
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  if (writer.out != NULL)
    g_string_free (writer.out, TRUE);
  g_free (writer.ends);
  arango_json_lexer_clear (&writer.lexer);
  return variant;
}
