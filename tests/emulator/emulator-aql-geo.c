/* emulator-aql-geo.c: the AQL geo functions the emulator evaluates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * GEO_DISTANCE(), GEO_POLYGON() and GEO_CONTAINS() as the server's
 * Aql/Functions and Geo/GeoJson.cpp define them (not the legacy polygon
 * reading): points in GeoJSON order ([longitude, latitude]), a polygon's
 * inside on the left of its edges, which are arcs of great circles, and
 * distances on a sphere of 6371000 m (geo::kEarthRadiusInMeters). Bad
 * input gives the server's warnings ("in function 'F()': …") and null.
 *
 * Points and polygons of one ring are what the emulator computes with;
 * other geometries (lines, several rings, multi-geometries, centroids of
 * areas), the wgs84 ellipsoid and loops S2 would have to validate (too few
 * vertices, repeated vertices, crossing edges) are refused with error 9,
 * never answered with a made-up value.
 */

#include <math.h>
#include <string.h>

#include "emulator-aql-geo.h"

#include "emulator-reply.h"
#include "emulator-value.h"

#define ERROR_QUERY_FUNCTION_ARGUMENT_TYPE_MISMATCH 1542
#define ERROR_QUERY_ARRAY_EXPECTED 1563
#define EARTH_RADIUS_IN_METERS 6371000.0

typedef struct
{
  gdouble x, y, z;
} Point;

typedef enum {
  PARSED,
  WARNED,     /* a warning is registered; the function returns null */
  REFUSED,    /* context->error is set */
} Parse;

/* A point, or a polygon of one ring (its vertices, not closed). */
typedef struct
{
  gboolean is_point;
  Point point;
  GArray *loop;
} Shape;

static void
shape_clear (Shape *shape)
{
  g_clear_pointer (&shape->loop, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Shape, shape_clear)

static Parse G_GNUC_PRINTF (4, 5)
warn (EmuAqlContext *context,
      const char    *function,
      int            code,
      const char    *format,
      ...)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  message = g_strdup_printf ("in function '%s()': %s", function, text);
  emu_aql_warn (context, code, message);
  return WARNED;
}

static Parse
refuse (EmuAqlContext *context,
        const char    *function,
        const char    *what)
{
  emu_aql_error_set (context->error, EMU_ERROR_NOT_IMPLEMENTED,
                     "not implemented: %s() of %s is not supported by the emulator",
                     function, what);
  return REFUSED;
}

/* The value as VelocyPack's toJson() writes it, for messages. */
static char *
json_text (JsonNode *value)
{
  return emu_json_to_string (value);
}

static Point
cross (Point a,
       Point b)
{
  return (Point) { a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x };
}

static gdouble
dot (Point a,
     Point b)
{
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

static gboolean
same_point (Point a,
            Point b)
{
  return a.x == b.x && a.y == b.y && a.z == b.z;
}

/* S2LatLng::FromDegrees(latitude, longitude).ToPoint(), when valid. */
static gboolean
point_from_degrees (gdouble  latitude,
                    gdouble  longitude,
                    Point   *point)
{
  gdouble phi = latitude * (M_PI / 180), theta = longitude * (M_PI / 180);

  if (!(fabs (phi) <= M_PI_2 && fabs (theta) <= M_PI))
    return FALSE;
  *point = (Point) { cos (theta) * cos (phi), sin (theta) * cos (phi), sin (phi) };
  return TRUE;
}

/* A GeoJSON position: exactly two numbers, longitude first. */
static gboolean
parse_position (JsonNode *value,
                Point    *point)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return FALSE;
  array = json_node_get_array (value);
  return json_array_get_length (array) == 2 &&
         emu_value_is_number (json_array_get_element (array, 0)) &&
         emu_value_is_number (json_array_get_element (array, 1)) &&
         point_from_degrees (json_array_get_double_element (array, 1),
                             json_array_get_double_element (array, 0), point);
}

/* -1, 0 or 1: the orientation of the triangle a, b, c. */
static int
sign (Point a,
      Point b,
      Point c)
{
  gdouble det = dot (cross (a, b), c);

  return det > 0 ? 1 : det < 0 ? -1 : 0;
}

/* s2pred::OrderedCCW(): whether a, b, c occur in that order around o. */
static gboolean
ordered_ccw (Point a,
             Point b,
             Point c,
             Point o)
{
  int sum = 0;

  if (sign (b, o, a) >= 0)
    sum++;
  if (sign (c, o, b) >= 0)
    sum++;
  if (sign (a, o, c) > 0)
    sum++;
  return sum >= 2;
}

/* S2::Ortho(): a fixed direction orthogonal to a. */
static Point
ortho (Point a)
{
  gdouble ax = fabs (a.x), ay = fabs (a.y), az = fabs (a.z);
  int largest = ax > ay ? (ax > az ? 0 : 2) : (ay > az ? 1 : 2);
  gdouble temp[3] = { 0.012, 0.0053, 0.00457 };
  Point result;
  gdouble norm;

  temp[largest == 0 ? 2 : largest - 1] = 1;
  result = cross (a, (Point) { temp[0], temp[1], temp[2] });
  norm = sqrt (dot (result, result));
  return (Point) { result.x / norm, result.y / norm, result.z / norm };
}

/* S2's CrossingSign(): 1 if the arcs ab and cd cross at a point inside
 * both, 0 if they share a vertex, -1 otherwise. */
static int
crossing_sign (Point a,
               Point b,
               Point c,
               Point d)
{
  int acb = -sign (a, b, c), bda = sign (a, b, d), cbd, dac;

  if (acb == -bda && bda != 0)
    return -1;
  if (same_point (a, c) || same_point (a, d) || same_point (b, c) || same_point (b, d))
    return 0;
  if (same_point (a, b) || same_point (c, d) || acb != bda)
    return -1;
  cbd = -sign (c, d, b);
  dac = sign (c, d, a);
  return cbd == acb && dac == acb ? 1 : -1;
}

/* S2's VertexCrossing(), for arcs that share a vertex. */
static gboolean
vertex_crossing (Point a,
                 Point b,
                 Point c,
                 Point d)
{
  if (same_point (a, b) || same_point (c, d))
    return FALSE;
  if (same_point (a, c))
    return same_point (b, d) || ordered_ccw (ortho (a), d, b, a);
  if (same_point (b, d))
    return ordered_ccw (ortho (b), c, a, b);
  if (same_point (a, d))
    return same_point (b, c) || ordered_ccw (ortho (a), c, b, a);
  return ordered_ccw (ortho (b), d, a, b);
}

static gboolean
edge_or_vertex_crossing (Point a,
                         Point b,
                         Point c,
                         Point d)
{
  int crossing = crossing_sign (a, b, c, d);

  return crossing > 0 || (crossing == 0 && vertex_crossing (a, b, c, d));
}

#define VERTEX(loop, i) g_array_index ((loop), Point, (i) % (loop)->len)

/* S2Loop::BruteForceContains(): crossings of the arc from S2::Origin(). */
static gboolean
loop_contains_from (GArray   *loop,
                    gboolean  origin_inside,
                    Point     p)
{
  const Point origin = { -0.0099994664350250197, 0.0025924542609324121, 0.99994664350250195 };
  gboolean inside = origin_inside;

  for (guint i = 0; i < loop->len; i++)
    inside ^= edge_or_vertex_crossing (origin, p, VERTEX (loop, i), VERTEX (loop, i + 1));
  return inside;
}

/* S2Loop::Contains(): the inside is on the left of the edges; whether the
 * origin is inside follows from whether vertex 1 is (InitOriginAndBound). */
static gboolean
loop_contains (GArray *loop,
               Point   p)
{
  Point v0 = VERTEX (loop, 0), v1 = VERTEX (loop, 1), v2 = VERTEX (loop, 2);
  gboolean v1_inside = !same_point (v0, v1) && !same_point (v2, v1) &&
                       !ordered_ccw (ortho (v1), v2, v0, v1);
  gboolean origin_inside = v1_inside != loop_contains_from (loop, FALSE, v1);

  return loop_contains_from (loop, origin_inside, p);
}

/* What S2Loop::FindValidationError() would have to judge. */
static gboolean
loop_is_simple (GArray *loop)
{
  guint n = loop->len;

  if (n < 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      Point a = VERTEX (loop, i), b = VERTEX (loop, i + 1);

      if (a.x == -b.x && a.y == -b.y && a.z == -b.z)
        return FALSE;
      for (guint j = i + 1; j < n; j++)
        {
          if (same_point (a, VERTEX (loop, j)))
            return FALSE;
          if (j > i + 1 && (j + 1) % n != i &&
              crossing_sign (a, b, VERTEX (loop, j), VERTEX (loop, j + 1)) >= 0)
            return FALSE;
        }
    }
  return TRUE;
}

/* geo::json parseLoopImpl(): a closed ring of four or more positions. */
static Parse
parse_loop (EmuAqlContext *context,
            const char    *function,
            JsonNode      *ring,
            Shape         *shape)
{
  JsonArray *positions;
  guint i;

  if (!JSON_NODE_HOLDS_ARRAY (ring))
    return warn (context, function, EMU_ERROR_BAD_PARAMETER, "Missing coordinates.");
  positions = json_node_get_array (ring);
  shape->loop = g_array_new (FALSE, FALSE, sizeof (Point));
  for (i = 0; i < json_array_get_length (positions); i++)
    {
      JsonNode *position = json_array_get_element (positions, i);
      g_autofree char *text = NULL;
      Point point;

      if (!JSON_NODE_HOLDS_ARRAY (position))
        return warn (context, function, EMU_ERROR_BAD_PARAMETER,
                     "Bad coordinates, should be array %s", text = json_text (position));
      if (!parse_position (position, &point))
        return warn (context, function, EMU_ERROR_BAD_PARAMETER,
                     "Bad coordinates values %s", text = json_text (position));
      /* S2Loop does not take repeated vertices. */
      if (shape->loop->len == 0 || !same_point (point, VERTEX (shape->loop, shape->loop->len - 1)))
        g_array_append_val (shape->loop, point);
    }
  if (i == 0)
    return warn (context, function, EMU_ERROR_BAD_PARAMETER,
                 "Invalid MultiPoint, it must contains at least one point.");
  if (i < 4)
    return warn (context, function, EMU_ERROR_BAD_PARAMETER,
                 "Invalid loop in polygon, must have at least 4 vertices");
  if (!same_point (VERTEX (shape->loop, 0), VERTEX (shape->loop, shape->loop->len - 1)))
    return warn (context, function, EMU_ERROR_BAD_PARAMETER, "Loop not closed");
  if (shape->loop->len != 1)
    g_array_set_size (shape->loop, shape->loop->len - 1);
  if (!loop_is_simple (shape->loop))
    return refuse (context, function, "a loop S2 would have to validate");
  return PARSED;
}

static const char *geojson_types[] = {
  "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon",
  "GeometryCollection",
};

/* geo::json::parseRegion() (not legacy), for points and polygons. */
static Parse
parse_region (EmuAqlContext *context,
              const char    *function,
              JsonNode      *value,
              Shape         *shape)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;
  const char *type = object != NULL ? emu_json_get_string (object, "type") : NULL;
  JsonNode *coordinates;
  g_autofree char *text = NULL;
  guint kind;

  for (kind = 0; type != NULL && kind < G_N_ELEMENTS (geojson_types); kind++)
    if (g_ascii_strcasecmp (type, geojson_types[kind]) == 0)
      break;
  if (type == NULL || kind == G_N_ELEMENTS (geojson_types))
    return warn (context, function, EMU_ERROR_BAD_PARAMETER, "Invalid GeoJSON Geometry Object.");
  coordinates = json_object_get_member (object, "coordinates");
  if (coordinates == NULL || !JSON_NODE_HOLDS_ARRAY (coordinates))
    return warn (context, function, EMU_ERROR_BAD_PARAMETER, "Coordinates missing.");

  if (g_str_equal (geojson_types[kind], "Point"))
    {
      shape->is_point = TRUE;
      if (!parse_position (coordinates, &shape->point))
        return warn (context, function, EMU_ERROR_BAD_PARAMETER,
                     "Bad coordinates %s", text = json_text (coordinates));
      return PARSED;
    }
  if (g_str_equal (geojson_types[kind], "Polygon"))
    {
      JsonArray *rings = json_node_get_array (coordinates);

      if (json_array_get_length (rings) == 0)
        return warn (context, function, EMU_ERROR_BAD_PARAMETER, "Invalid GeoJSON Geometry Object.");
      if (json_array_get_length (rings) > 1)
        return refuse (context, function, "a Polygon with holes");
      return parse_loop (context, function, json_array_get_element (rings, 0), shape);
    }
  if (g_str_equal (geojson_types[kind], "GeometryCollection"))
    return warn (context, function, EMU_ERROR_NOT_IMPLEMENTED,
                 "GeoJSON type GeometryCollection is not supported");
  text = g_strdup_printf ("a GeoJSON %s", geojson_types[kind]);
  return refuse (context, function, text);
}

/* A coordinate pair ([longitude, latitude]) or GeoJSON, as the functions
 * that take either read it. */
static Parse
parse_shape (EmuAqlContext *context,
             const char    *function,
             JsonNode      *value,
             Shape         *shape)
{
  g_autofree char *text = NULL;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return parse_region (context, function, value, shape);
  shape->is_point = TRUE;
  if (!parse_position (value, &shape->point))
    return warn (context, function, EMU_ERROR_BAD_PARAMETER,
                 "Bad coordinates %s", text = json_text (value));
  return PARSED;
}

/* GEO_DISTANCE(a, b[, ellipsoid]): metres between two points. */
JsonNode *
emu_aql_geo_distance (EmuAqlContext *context,
                      const char    *name,
                      JsonNode     **arguments,
                      guint          n_arguments)
{
  g_auto(Shape) first = { 0 };
  g_auto(Shape) second = { 0 };
  Parse parse;
  Point a, b;

  if ((parse = parse_shape (context, name, arguments[0], &first)) != PARSED ||
      (parse = parse_shape (context, name, arguments[1], &second)) != PARSED)
    return parse == REFUSED ? NULL : emu_value_null ();
  if (!first.is_point || !second.is_point)
    {
      refuse (context, name, "an area (its centroid)");
      return NULL;
    }

  if (n_arguments > 2)
    {
      JsonNode *ellipsoid = arguments[2];
      const char *text = JSON_NODE_HOLDS_VALUE (ellipsoid) &&
                         json_node_get_value_type (ellipsoid) == G_TYPE_STRING
                         ? json_node_get_string (ellipsoid) : NULL;

      if (g_strcmp0 (text, "wgs84") == 0)
        {
          refuse (context, name, "the wgs84 ellipsoid");
          return NULL;
        }
      if (text == NULL)
        warn (context, name, EMU_ERROR_BAD_PARAMETER,
              "invalid value for ellipsoid specified, falling back to \"sphere\"");
      else if (!g_str_equal (text, "sphere"))
        warn (context, name, EMU_ERROR_BAD_PARAMETER,
              "invalid ellipsoid %s specified, falling back to \"sphere\"", text);
    }

  a = first.point;
  b = second.point;
  return emu_value_number (atan2 (sqrt (dot (cross (a, b), cross (a, b))), dot (a, b)) *
                           EARTH_RADIUS_IN_METERS);
}

/* Appends [longitude, latitude] as doubles, as GEO_POLYGON() copies them. */
static gboolean
copy_position (JsonArray *ring,
               JsonNode  *position)
{
  JsonArray *given = json_node_get_array (position);
  JsonArray *copy = json_array_new ();

  for (guint i = 0; i < json_array_get_length (given); i++)
    {
      JsonNode *number = json_array_get_element (given, i);

      if (!emu_value_is_number (number))
        {
          json_array_unref (copy);
          return FALSE;
        }
      json_array_add_double_element (copy, json_node_get_double (number));
    }
  json_array_add_array_element (ring, copy);
  return TRUE;
}

/* The server's parseGeoPolygon() for the two shapes it takes: a list of
 * positions, or a list of rings of positions. Returns the rings, or NULL
 * with *message set, or with *mixed set for a list of both (the server
 * nests the rings in the ring of positions). */
static JsonArray *
polygon_rings (JsonArray   *polygon,
               const char **message,
               gboolean    *mixed)
{
  g_autoptr(JsonArray) rings = json_array_new ();
  JsonArray *unnested = NULL;
  guint n = json_array_get_length (polygon);
  guint positions = 0, others = 0;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (polygon, i);
      guint length = JSON_NODE_HOLDS_ARRAY (element)
                     ? json_array_get_length (json_node_get_array (element)) : 0;

      if (length == 2)
        positions++;
      else if (length > 2)
        others++;
    }
  if ((*mixed = positions > 0 && others > 0))
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (polygon, i);
      guint length = JSON_NODE_HOLDS_ARRAY (element)
                     ? json_array_get_length (json_node_get_array (element)) : 0;

      if (!JSON_NODE_HOLDS_ARRAY (element) || length < 2)
        {
          *message = "not an array containing positions";
          return NULL;
        }
      if (length == 2)
        {
          if (n <= 2)
            {
              *message = "a Polygon needs at least three positions";
              return NULL;
            }
          if (unnested == NULL)
            {
              unnested = json_array_new ();
              json_array_add_array_element (rings, unnested);
            }
          if (!copy_position (unnested, element))
            {
              *message = "not a numeric value";
              return NULL;
            }
          continue;
        }

      {
        JsonArray *ring_positions = json_node_get_array (element);
        JsonArray *ring = json_array_new ();

        json_array_add_array_element (rings, ring);
        for (guint j = 0; j < length; j++)
          {
            JsonNode *position = json_array_get_element (ring_positions, j);

            /* Copied as it is; the ring's parser rejects it. */
            if (emu_value_is_number (position))
              {
                json_array_add_element (ring, json_node_copy (position));
                continue;
              }
            if (!JSON_NODE_HOLDS_ARRAY (position) ||
                json_array_get_length (json_node_get_array (position)) < 2)
              {
                *message = JSON_NODE_HOLDS_ARRAY (position)
                           ? "a Position needs at least two numeric values"
                           : "not an array containing positions";
                return NULL;
              }
            if (!copy_position (ring, position))
              {
                *message = "not an array describing a position";
                return NULL;
              }
          }
      }
    }
  return g_steal_pointer (&rings);
}

/* GEO_POLYGON(positions): a GeoJSON Polygon, checked as the server checks
 * it. */
JsonNode *
emu_aql_geo_polygon (EmuAqlContext *context,
                     const char    *name,
                     JsonNode     **arguments,
                     guint          n_arguments)
{
  g_autoptr(JsonArray) rings = NULL;
  g_auto(Shape) shape = { 0 };
  const char *message = NULL;
  gboolean mixed;
  JsonObject *polygon;
  JsonNode *result;
  Parse parse;

  if (!JSON_NODE_HOLDS_ARRAY (arguments[0]))
    {
      /* The text errors.tsv gives 1563. */
      warn (context, name, ERROR_QUERY_ARRAY_EXPECTED, "array expected");
      return emu_value_null ();
    }
  rings = polygon_rings (json_node_get_array (arguments[0]), &message, &mixed);
  if (mixed)
    {
      refuse (context, name, "positions mixed with rings");
      return NULL;
    }
  if (rings == NULL)
    {
      warn (context, name, ERROR_QUERY_FUNCTION_ARGUMENT_TYPE_MISMATCH, "%s", message);
      return emu_value_null ();
    }
  if (json_array_get_length (rings) == 0)
    {
      warn (context, name, EMU_ERROR_BAD_PARAMETER, "Polygon should contains at least one loop.");
      return emu_value_null ();
    }

  polygon = json_object_new ();
  json_object_set_string_member (polygon, "type", "Polygon");
  json_object_set_array_member (polygon, "coordinates", json_array_ref (rings));
  result = emu_value_take_object (polygon);

  parse = parse_region (context, name, result, &shape);
  if (parse == PARSED)
    return result;
  json_node_unref (result);
  return parse == REFUSED ? NULL : emu_value_null ();
}

/* GEO_CONTAINS(polygon, point). */
JsonNode *
emu_aql_geo_contains (EmuAqlContext *context,
                      const char    *name,
                      JsonNode     **arguments,
                      guint          n_arguments)
{
  g_auto(Shape) outer = { 0 };
  g_auto(Shape) inner = { 0 };
  Parse parse;

  if (!JSON_NODE_HOLDS_OBJECT (arguments[0]))
    {
      warn (context, name, ERROR_QUERY_FUNCTION_ARGUMENT_TYPE_MISMATCH,
            "Expecting GeoJSON object");
      return emu_value_null ();
    }
  if ((parse = parse_region (context, name, arguments[0], &outer)) != PARSED)
    return parse == REFUSED ? NULL : emu_value_null ();
  if (outer.is_point)
    {
      warn (context, name, ERROR_QUERY_FUNCTION_ARGUMENT_TYPE_MISMATCH,
            "Only Polygon and MultiPolygon types are valid as first argument");
      return emu_value_null ();
    }
  if ((parse = parse_shape (context, name, arguments[1], &inner)) != PARSED)
    return parse == REFUSED ? NULL : emu_value_null ();
  if (!inner.is_point)
    {
      refuse (context, name, "an area inside an area");
      return NULL;
    }
  return emu_value_boolean (loop_contains (outer.loop, inner.point));
}
