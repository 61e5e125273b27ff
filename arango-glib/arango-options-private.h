/* arango-options-private.h: option objects, whose properties become a
 * request's JSON members and headers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "arango-connection-private.h"

G_BEGIN_DECLS

/* Where one property of an option object goes. */
typedef struct
{
  const char *property;
  const char *target;     /* a dotted path in the JSON body ("options.fullCount"),
                           * or with in_header a header name */
  gboolean    in_header;  /* only booleans: TRUE is sent as "true" */
  const char *as_string;  /* only booleans in the body: TRUE is sent as this
                           * string (a member that takes a number or a word,
                           * "replicationFactor": "satellite") */
} ArangoOptionSpec;

/* An option object keeps one GValue per property in an array at
 * @values_offset of its instance struct; its property ids are 1 … n, in
 * the order of its specs, and pspecs[1 … n] are its GParamSpecs (pspecs[0]
 * unused, as g_object_class_install_properties wants it). This installs
 * them, and the class's finalize, get_property and set_property. */
void     arango_option_class_install (GObjectClass  *object_class,
                                      gsize          values_offset,
                                      GParamSpec   **pspecs,
                                      guint          n);
/* For the instance init function: every value at its default. */
void     arango_option_values_init   (GValue        *values,
                                      GParamSpec   **pspecs,
                                      guint          n);

/* Writes the values that differ from their property's default into @body
 * and @request (nullable: no headers); the defaults are the server's, or
 * stand for them. */
void     arango_option_values_apply (const GValue           *values,
                                     GParamSpec            **pspecs,
                                     const ArangoOptionSpec *specs,
                                     guint                   n,
                                     JsonObject             *body,
                                     ArangoRequest          *request);

G_END_DECLS
