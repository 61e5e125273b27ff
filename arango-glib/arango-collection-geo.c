/* arango-collection-geo.c: finding a collection's documents near a
 * place, within a radius, or within a box
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * python-arango's find_near() and find_in_radius() run NEAR() and
 * WITHIN(), deprecated AQL functions that the geo utility functions
 * replace; these run GEO_DISTANCE() and GEO_CONTAINS(), which a geo index
 * over the same attributes serves.
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "arango-collection-geo.h"
#include "arango-error.h"
#include "arango-simple-query-private.h"
#include "arango-sync-private.h"

static gboolean
check_location (ArangoCollection    *self,
                const char * const  *location,
                gboolean             geo_json,
                gpointer             source_tag,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  guint n = location != NULL ? g_strv_length ((char **) location) : 0;

  if (!arango_check_argument (self, n == 1 || n == 2, source_tag, callback, user_data,
                              _("A location is one attribute, or two: the latitude and "
                                "the longitude")) ||
      !arango_check_argument (self, n == 1 || !geo_json, source_tag, callback, user_data,
                              _("A GeoJSON location is one attribute")))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!arango_simple_query_check_path (self, location[i], source_tag, callback, user_data))
      return FALSE;
  return TRUE;
}

static gboolean
check_point (ArangoCollection    *self,
             gdouble              latitude,
             gdouble              longitude,
             gpointer             source_tag,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  return arango_check_argument (self, isfinite (latitude) && fabs (latitude) <= 90,
                                source_tag, callback, user_data,
                                _("A latitude lies between -90 and 90 degrees")) &&
         arango_check_argument (self, isfinite (longitude) && fabs (longitude) <= 180,
                                source_tag, callback, user_data,
                                _("A longitude lies between -180 and 180 degrees"));
}

/* `FOR doc IN @@collection` and the documents that have a location; binds
 * the location's attributes and returns the AQL of the point in GeoJSON
 * order ([longitude, latitude]), as GEO_DISTANCE() and GEO_CONTAINS()
 * take it. The layouts are a geo index's: two attributes (latitude,
 * longitude), one holding [latitude, longitude], or with @geo_json one
 * holding a GeoJSON geometry or [longitude, latitude]. */
static char *
begin_with_location (ArangoSimpleQuery  *query,
                     const char * const *location,
                     gboolean            geo_json)
{
  g_autofree char *first = arango_simple_query_bind_attribute (query, location[0]);
  g_autofree char *guard = NULL;

  arango_simple_query_append (query, "FOR doc IN @@collection");
  if (location[1] != NULL)
    {
      g_autofree char *second = arango_simple_query_bind_attribute (query, location[1]);

      guard = g_strdup_printf ("FILTER %s != null AND %s != null", first, second);
      arango_simple_query_append (query, guard);
      return g_strdup_printf ("[%s, %s]", second, first);
    }

  guard = g_strdup_printf ("FILTER %s != null", first);
  arango_simple_query_append (query, guard);
  if (geo_json)
    return g_steal_pointer (&first);
  return g_strdup_printf ("[%s[1], %s[0]]", first, first);
}

static JsonNode *
position_new (gdouble longitude,
              gdouble latitude)
{
  JsonArray *position = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_double_element (position, longitude);
  json_array_add_double_element (position, latitude);
  json_node_take_array (node, position);
  return node;
}

/* find_near() and find_in_radius(): the documents whose location is a
 * place, nearest first, within @radius metres unless it is negative, at
 * most @limit of them, with their distance under @distance_field if
 * given. */
static void
find_by_distance (ArangoCollection    *self,
                  const char * const  *location,
                  gboolean             geo_json,
                  gdouble              latitude,
                  gdouble              longitude,
                  gdouble              radius,
                  gint64               limit,
                  const char          *distance_field,
                  ArangoQueryOptions  *options,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(ArangoSimpleQuery) query = NULL;
  g_autofree char *point = NULL;
  g_autofree char *distance = NULL;

  if (!check_location (self, location, geo_json, source_tag, callback, user_data) ||
      !check_point (self, latitude, longitude, source_tag, callback, user_data) ||
      !arango_simple_query_check_window (self, 0, limit, source_tag, callback, user_data) ||
      (distance_field != NULL &&
       !arango_check_text (self, distance_field,
                           N_("The name of the distance attribute must not be empty"),
                           source_tag, callback, user_data)))
    return;

  query = arango_simple_query_new (self);
  point = begin_with_location (query, location, geo_json);
  distance = g_strdup_printf ("LET distance = GEO_DISTANCE(@center, %s)", point);
  arango_simple_query_bind (query, "center", position_new (longitude, latitude));
  arango_simple_query_append (query, distance);
  if (radius < 0)
    arango_simple_query_append (query, "FILTER distance != null");
  else
    {
      arango_simple_query_bind_double (query, "radius", radius);
      arango_simple_query_append (query, "FILTER distance != null AND distance <= @radius");
    }
  arango_simple_query_append (query, "SORT distance");
  arango_simple_query_limit (query, 0, limit);
  if (distance_field == NULL)
    arango_simple_query_append (query, "RETURN doc");
  else
    {
      arango_simple_query_bind_string (query, "distanceAttribute", distance_field);
      arango_simple_query_append (query, "RETURN MERGE(doc, { @distanceAttribute: distance })");
    }
  arango_simple_query_run_cursor (query, options, source_tag, cancellable, callback, user_data);
}

/**
 * arango_collection_find_near_async:
 * @self: an #ArangoCollection
 * @location: (array zero-terminated=1): where documents keep their
 *   coordinates, as the `fields` of a geo index: two attribute paths
 *   (latitude, longitude) or one
 * @geo_json: whether the one attribute of @location holds GeoJSON (or
 *   `[longitude, latitude]`) rather than `[latitude, longitude]`, as a geo
 *   index's `geoJson`
 * @latitude: the latitude of the place, in degrees
 * @longitude: the longitude of the place, in degrees
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @distance_field: (nullable): an attribute to add to each document with
 *   its distance in metres, or %NULL
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the first batch is there
 * @user_data: data for @callback
 *
 * Finds the documents nearest to a place, nearest first
 * (python-arango's `find_near()`), with
 *
 * ```
 * FOR doc IN @@collection
 *   FILTER doc.@attribute0 != null
 *   LET distance = GEO_DISTANCE(@center, doc.@attribute0)
 *   FILTER distance != null
 *   SORT distance
 *   LIMIT @limit
 *   RETURN doc
 * ```
 *
 * (the location expression depends on @location and @geo_json).
 * python-arango runs `NEAR()`, a deprecated AQL function (python-arango
 * deprecates `find_near()` itself as it prepares for ArangoDB 4.0);
 * `GEO_DISTANCE()` replaces it, and a geo index over @location serves
 * the query. Unlike `NEAR()` it needs no such index: without one
 * the server reads every document. Distances are along the surface of a
 * sphere of radius 6371 km. Documents without coordinates there are
 * left out.
 *
 * Coordinates out of range, not a number, a @location of no or more than
 * two attributes, or two with @geo_json, are refused with
 * %ARANGO_ERROR_INVALID_ARGUMENT, and nothing is sent.
 */
void
arango_collection_find_near_async (ArangoCollection    *self,
                                   const char * const  *location,
                                   gboolean             geo_json,
                                   gdouble              latitude,
                                   gdouble              longitude,
                                   gint64               limit,
                                   const char          *distance_field,
                                   ArangoQueryOptions  *options,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  find_by_distance (self, location, geo_json, latitude, longitude, -1, limit, distance_field,
                    options, arango_collection_find_near_async, cancellable, callback, user_data);
}

/**
 * arango_collection_find_near_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_find_near_async().
 *
 * Returns: (transfer full): a cursor over the documents, nearest first,
 *   or %NULL with an error
 */
ArangoCursor *
arango_collection_find_near_finish (ArangoCollection  *self,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_find_near_async, error);
}

/**
 * arango_collection_find_near_sync:
 * @self: an #ArangoCollection
 * @location: (array zero-terminated=1): where documents keep their
 *   coordinates: two attribute paths (latitude, longitude) or one
 * @geo_json: whether the one attribute of @location holds GeoJSON
 * @latitude: the latitude of the place, in degrees
 * @longitude: the longitude of the place, in degrees
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @distance_field: (nullable): an attribute to add to each document with
 *   its distance in metres, or %NULL
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_find_near_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): a cursor over the documents, nearest first,
 *   or %NULL with an error
 */
ArangoCursor *
arango_collection_find_near_sync (ArangoCollection    *self,
                                  const char * const  *location,
                                  gboolean             geo_json,
                                  gdouble              latitude,
                                  gdouble              longitude,
                                  gint64               limit,
                                  const char          *distance_field,
                                  ArangoQueryOptions  *options,
                                  GCancellable        *cancellable,
                                  GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_find_near_async (self, location, geo_json, latitude, longitude, limit,
                                     distance_field, options, cancellable,
                                     arango_sync_call_done, call);
  return arango_collection_find_near_finish (self, arango_sync_call_wait (call), error);
}

/**
 * arango_collection_find_in_radius_async:
 * @self: an #ArangoCollection
 * @location: (array zero-terminated=1): where documents keep their
 *   coordinates, as the `fields` of a geo index: two attribute paths
 *   (latitude, longitude) or one
 * @geo_json: whether the one attribute of @location holds GeoJSON (or
 *   `[longitude, latitude]`) rather than `[latitude, longitude]`
 * @latitude: the latitude of the centre, in degrees
 * @longitude: the longitude of the centre, in degrees
 * @radius: the largest distance, in metres
 * @distance_field: (nullable): an attribute to add to each document with
 *   its distance in metres, or %NULL
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the first batch is there
 * @user_data: data for @callback
 *
 * Finds the documents at most @radius metres from a place, nearest first
 * (python-arango's `find_in_radius()`): the query of
 * arango_collection_find_near_async() with `FILTER distance <= @radius`
 * instead of a limit. python-arango runs `WITHIN()`, deprecated like
 * `NEAR()`.
 *
 * Bad coordinates or a negative radius are refused with
 * %ARANGO_ERROR_INVALID_ARGUMENT, and nothing is sent.
 */
void
arango_collection_find_in_radius_async (ArangoCollection    *self,
                                        const char * const  *location,
                                        gboolean             geo_json,
                                        gdouble              latitude,
                                        gdouble              longitude,
                                        gdouble              radius,
                                        const char          *distance_field,
                                        ArangoQueryOptions  *options,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  if (!arango_check_argument (self, isfinite (radius) && radius >= 0,
                              arango_collection_find_in_radius_async, callback, user_data,
                              _("A radius is a distance in metres, not negative")))
    return;
  find_by_distance (self, location, geo_json, latitude, longitude, radius, ARANGO_NO_LIMIT,
                    distance_field, options, arango_collection_find_in_radius_async,
                    cancellable, callback, user_data);
}

/**
 * arango_collection_find_in_radius_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_find_in_radius_async().
 *
 * Returns: (transfer full): a cursor over the documents, nearest first,
 *   or %NULL with an error
 */
ArangoCursor *
arango_collection_find_in_radius_finish (ArangoCollection  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_find_in_radius_async, error);
}

/**
 * arango_collection_find_in_radius_sync:
 * @self: an #ArangoCollection
 * @location: (array zero-terminated=1): where documents keep their
 *   coordinates: two attribute paths (latitude, longitude) or one
 * @geo_json: whether the one attribute of @location holds GeoJSON
 * @latitude: the latitude of the centre, in degrees
 * @longitude: the longitude of the centre, in degrees
 * @radius: the largest distance, in metres
 * @distance_field: (nullable): an attribute to add to each document with
 *   its distance in metres, or %NULL
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_find_in_radius_async(); see
 * there. For scripts, tools and worker threads: it blocks the calling
 * thread.
 *
 * Returns: (transfer full): a cursor over the documents, nearest first,
 *   or %NULL with an error
 */
ArangoCursor *
arango_collection_find_in_radius_sync (ArangoCollection    *self,
                                       const char * const  *location,
                                       gboolean             geo_json,
                                       gdouble              latitude,
                                       gdouble              longitude,
                                       gdouble              radius,
                                       const char          *distance_field,
                                       ArangoQueryOptions  *options,
                                       GCancellable        *cancellable,
                                       GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_find_in_radius_async (self, location, geo_json, latitude, longitude, radius,
                                          distance_field, options, cancellable,
                                          arango_sync_call_done, call);
  return arango_collection_find_in_radius_finish (self, arango_sync_call_wait (call), error);
}

/* The corners of the box, counter-clockwise from the south-west, as a
 * closed GeoJSON ring: its inside is on the left of its edges, which is
 * how ArangoDB reads a polygon. */
static JsonNode *
box_ring_new (gdouble south,
              gdouble west,
              gdouble north,
              gdouble east)
{
  JsonArray *ring = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_element (ring, position_new (west, south));
  json_array_add_element (ring, position_new (east, south));
  json_array_add_element (ring, position_new (east, north));
  json_array_add_element (ring, position_new (west, north));
  json_array_add_element (ring, position_new (west, south));
  json_node_take_array (node, ring);
  return node;
}

/**
 * arango_collection_find_in_box_async:
 * @self: an #ArangoCollection
 * @location: (array zero-terminated=1): where documents keep their
 *   coordinates, as the `fields` of a geo index: two attribute paths
 *   (latitude, longitude) or one
 * @geo_json: whether the one attribute of @location holds GeoJSON (or
 *   `[longitude, latitude]`) rather than `[latitude, longitude]`
 * @latitude1: the latitude of one corner, in degrees
 * @longitude1: the longitude of that corner, in degrees
 * @latitude2: the latitude of the opposite corner, in degrees
 * @longitude2: the longitude of that corner, in degrees
 * @skip: how many matching documents to leave out first
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called when the first batch is there
 * @user_data: data for @callback
 *
 * Finds the documents inside a box (python-arango's `find_in_box()`),
 * with
 *
 * ```
 * LET box = GEO_POLYGON(@box)
 * FOR doc IN @@collection
 *   FILTER doc.@attribute0 != null
 *   FILTER GEO_CONTAINS(box, doc.@attribute0)
 *   LIMIT @skip, @limit
 *   RETURN doc
 * ```
 *
 * The box's corners are ordered south-west, south-east, north-east,
 * north-west whichever corners are given. Its edges are those of a
 * `GEO_POLYGON()`: arcs of great circles, so the southern and northern
 * edges bow towards the pole between the corners rather than follow the
 * parallels. A box may not cross the antimeridian, and spans less than
 * 180 degrees of longitude.
 *
 * Coordinates out of range, a box without area, or one too wide, are
 * refused with %ARANGO_ERROR_INVALID_ARGUMENT, and nothing is sent.
 */
void
arango_collection_find_in_box_async (ArangoCollection    *self,
                                     const char * const  *location,
                                     gboolean             geo_json,
                                     gdouble              latitude1,
                                     gdouble              longitude1,
                                     gdouble              latitude2,
                                     gdouble              longitude2,
                                     gint64               skip,
                                     gint64               limit,
                                     ArangoQueryOptions  *options,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  gpointer tag = arango_collection_find_in_box_async;
  gdouble south = MIN (latitude1, latitude2), north = MAX (latitude1, latitude2);
  gdouble west = MIN (longitude1, longitude2), east = MAX (longitude1, longitude2);
  g_autoptr(ArangoSimpleQuery) query = NULL;
  g_autofree char *point = NULL;
  g_autofree char *condition = NULL;

  g_return_if_fail (ARANGO_IS_COLLECTION (self));
  g_return_if_fail (options == NULL || ARANGO_IS_QUERY_OPTIONS (options));

  if (!check_location (self, location, geo_json, tag, callback, user_data) ||
      !check_point (self, latitude1, longitude1, tag, callback, user_data) ||
      !check_point (self, latitude2, longitude2, tag, callback, user_data) ||
      !arango_check_argument (self, south < north && west < east, tag, callback, user_data,
                              _("The corners of a box differ in latitude and in longitude")) ||
      !arango_check_argument (self, east - west < 180, tag, callback, user_data,
                              _("A box spans less than 180 degrees of longitude")) ||
      !arango_simple_query_check_window (self, skip, limit, tag, callback, user_data))
    return;

  query = arango_simple_query_new (self);
  arango_simple_query_bind (query, "box", box_ring_new (south, west, north, east));
  arango_simple_query_append (query, "LET box = GEO_POLYGON(@box)");
  point = begin_with_location (query, location, geo_json);
  condition = g_strdup_printf ("FILTER GEO_CONTAINS(box, %s)", point);
  arango_simple_query_append (query, condition);
  arango_simple_query_limit (query, skip, limit);
  arango_simple_query_append (query, "RETURN doc");
  arango_simple_query_run_cursor (query, options, tag, cancellable, callback, user_data);
}

/**
 * arango_collection_find_in_box_finish:
 * @self: an #ArangoCollection
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes arango_collection_find_in_box_async().
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_find_in_box_finish (ArangoCollection  *self,
                                      GAsyncResult      *result,
                                      GError           **error)
{
  return arango_call_finish_pointer (self, result, arango_collection_find_in_box_async, error);
}

/**
 * arango_collection_find_in_box_sync:
 * @self: an #ArangoCollection
 * @location: (array zero-terminated=1): where documents keep their
 *   coordinates: two attribute paths (latitude, longitude) or one
 * @geo_json: whether the one attribute of @location holds GeoJSON
 * @latitude1: the latitude of one corner, in degrees
 * @longitude1: the longitude of that corner, in degrees
 * @latitude2: the latitude of the opposite corner, in degrees
 * @longitude2: the longitude of that corner, in degrees
 * @skip: how many matching documents to leave out first
 * @limit: the most documents to return, or %ARANGO_NO_LIMIT
 * @options: (nullable): query options
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The blocking form of arango_collection_find_in_box_async(); see there.
 * For scripts, tools and worker threads: it blocks the calling thread.
 *
 * Returns: (transfer full): a cursor over the documents, or %NULL with an
 *   error
 */
ArangoCursor *
arango_collection_find_in_box_sync (ArangoCollection    *self,
                                    const char * const  *location,
                                    gboolean             geo_json,
                                    gdouble              latitude1,
                                    gdouble              longitude1,
                                    gdouble              latitude2,
                                    gdouble              longitude2,
                                    gint64               skip,
                                    gint64               limit,
                                    ArangoQueryOptions  *options,
                                    GCancellable        *cancellable,
                                    GError             **error)
{
  g_autoptr(ArangoSyncCall) call = NULL;

  g_return_val_if_fail (ARANGO_IS_COLLECTION (self), NULL);

  call = arango_sync_call_begin ();
  arango_collection_find_in_box_async (self, location, geo_json, latitude1, longitude1,
                                       latitude2, longitude2, skip, limit, options,
                                       cancellable, arango_sync_call_done, call);
  return arango_collection_find_in_box_finish (self, arango_sync_call_wait (call), error);
}
