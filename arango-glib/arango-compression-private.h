/* arango-compression-private.h: request bodies sent compressed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The Content-Encoding name of what arango_compress_body() produces. */
#define ARANGO_REQUEST_CONTENT_ENCODING "deflate"

GBytes *arango_compress_body   (GBytes                 *body);
GBytes *arango_decompress_body (GBytes                 *body,
                                GZlibCompressorFormat   format,
                                GError                **error);

G_END_DECLS
