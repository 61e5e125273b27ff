/* arango-compression.c: request bodies sent compressed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "arango-compression-private.h"

/* All of @in through @converter, or NULL with @error. */
static GBytes *
convert_all (GConverter  *converter,
             GBytes      *in_bytes,
             GError     **error)
{
  gsize in_length = 0;
  const guint8 *in = g_bytes_get_data (in_bytes, &in_length);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize in_done = 0;
  GConverterResult result;

  do
    {
      g_autoptr(GError) local_error = NULL;
      guint8 buffer[16384];
      gsize bytes_read = 0;
      gsize bytes_written = 0;

      result = g_converter_convert (converter, in + in_done, in_length - in_done,
                                    buffer, sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                    &bytes_read, &bytes_written, &local_error);
      /* A full buffer only asks for another round. */
      if (result == G_CONVERTER_ERROR &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      in_done += bytes_read;
      g_byte_array_append (out, buffer, bytes_written);
    }
  while (result != G_CONVERTER_FINISHED);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* Returns the compressed body, or NULL if it could not be compressed.
 * "deflate" in HTTP is the zlib format (RFC 9110, 8.4.1.2), which
 * ArangoDB and every client library read; raw deflate streams are not. */
GBytes *
arango_compress_body (GBytes *body)
{
  g_autoptr(GZlibCompressor) compressor =
    g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, -1);
  g_autoptr(GError) error = NULL;
  GBytes *compressed = convert_all (G_CONVERTER (compressor), body, &error);

  /* The body then goes out as it is. */
  if (compressed == NULL)
    g_debug ("Sending the body uncompressed: %s", error->message);
  return compressed;
}

/* A reply body the server compressed in @format, inflated. */
GBytes *
arango_decompress_body (GBytes                 *body,
                        GZlibCompressorFormat   format,
                        GError                **error)
{
  g_autoptr(GZlibDecompressor) decompressor = g_zlib_decompressor_new (format);

  return convert_all (G_CONVERTER (decompressor), body, error);
}
