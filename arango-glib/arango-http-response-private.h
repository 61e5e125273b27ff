/* arango-http-response-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "arango-connection-private.h"
#include "arango-http-response.h"

G_BEGIN_DECLS

ArangoHttpResponse *arango_http_response_new (ArangoResponse *response);

G_END_DECLS
