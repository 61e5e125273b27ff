/* fuzz-support.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "arango-connection-private.h"
#include "arango-context-private.h"
#include "arango-error.h"
#include "arango-host-resolver.h"

G_BEGIN_DECLS

int             LLVMFuzzerTestOneInput (const uint8_t *data,
                                        size_t         size);

ArangoClient   *fuzz_client            (void);
ArangoResponse *fuzz_response_new      (const uint8_t *data,
                                        size_t         size);
void            fuzz_drain             (void);
void            fuzz_assert_same_json  (JsonNode      *expected,
                                        JsonNode      *actual);
gboolean        fuzz_fits_in_gvariant  (JsonNode      *node);
gboolean        fuzz_is_too_deep_error (GError        *error);

G_END_DECLS
