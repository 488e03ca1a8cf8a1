// What the main routes answer, for the OpenAPI document (issue 15). Loose objects: the listed
// fields are promised, more may come (clients ignore what they do not know). Money is integer
// cents; times are ISO 8601 strings. test/integration/openapi-responses.int.test.ts checks real
// answers against these, so a use case that changes its output fails there first.
import { z } from "zod";
import { errorStatus } from "../errors";
import { kitchenReplaySchema } from "../realtime/events";

const id = z.string().min(1);
const cents = z.number().int();
const isoTime = z.string().meta({ format: "date-time" });
const named = z.looseObject({ id, name: z.string() });

/** The one error body of every /api/v1 route (lib/http/route.ts errorResponse). */
export const errorBodySchema = z.object({
  error: z.looseObject({
    code: z.enum([...(Object.keys(errorStatus) as (keyof typeof errorStatus)[]), "ABORTED"]),
    message: z.string(),
    /** Per field (dotted path) messages of a VALIDATION error. */
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
});

const orderSummary = z.looseObject({
  id,
  number: z.number().int(),
  status: z.string(),
  guestCount: z.number().int().nullable(),
  subtotalCents: cents,
  taxCents: cents,
  totalCents: cents,
  openedAt: isoTime,
  table: z.looseObject({ id, label: z.string() }).nullable(),
  server: named.nullable(),
  itemCount: z.number().int(),
});

const orderLine = z.looseObject({
  id,
  menuItemId: id.nullable(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceCents: cents,
  modifiersCents: cents,
  seat: z.number().int().nullable(),
  course: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.string(),
  fireBatch: z.number().int().nullable(),
  firedAt: isoTime.nullable(),
  station: z.looseObject({ name: z.string() }).nullable(),
  modifiers: z.array(z.looseObject({ modifierId: id.nullable(), name: z.string(), priceDeltaCents: cents })),
});

const orderDetail = orderSummary.omit({ itemCount: true }).extend({
  notes: z.string().nullable(),
  dueCents: cents,
  paidCents: cents,
  paymentState: z.string(),
  closedAt: isoTime.nullable(),
  items: z.array(orderLine),
});

const sendResult = z.looseObject({
  orderId: id,
  orderNumber: z.number().int(),
  /** Null when everything sent was held (nothing fired). */
  fireBatch: z.number().int().nullable(),
  firedItemIds: z.array(id),
  heldItemIds: z.array(id),
  status: z.string(),
  subtotalCents: cents,
  taxCents: cents,
  totalCents: cents,
});

const ticket = z.looseObject({
  key: z.string(),
  orderId: id,
  orderNumber: z.number().int(),
  fireBatch: z.number().int(),
  tableLabel: z.string().nullable(),
  serverName: z.string().nullable(),
  firedAt: isoTime,
  allergyNotes: z.array(z.string()),
  allergens: z.array(z.string()),
  items: z.array(z.looseObject({ id, name: z.string(), quantity: z.number().int(), status: z.string() })),
  allBumped: z.boolean(),
  allVoided: z.boolean(),
  guestOrder: z.boolean(),
});

const stationSnapshot = z.looseObject({
  seq: z.number().int().nonnegative(),
  serverTime: isoTime,
  station: z.looseObject({ id, slug: z.string(), name: z.string(), isExpo: z.boolean() }),
  tickets: z.array(ticket),
  page: z.looseObject({ offset: z.number().int(), limit: z.number().int(), ticketCount: z.number().int() }),
});

const orderPadMenu = z.looseObject({
  location: z.looseObject({ taxRateBps: z.number().int(), currency: z.string(), timezone: z.string() }),
  generatedAt: isoTime,
  categories: z.array(
    z.looseObject({
      id,
      name: z.string(),
      items: z.array(
        z.looseObject({
          id,
          name: z.string(),
          description: z.string().nullable(),
          priceCents: cents,
          taxRateBps: z.number().int(),
          allergens: z.array(z.string()),
          /** Null when orderable now; else when it becomes available. */
          availableFrom: z.string().nullable(),
        }),
      ),
    }),
  ),
});

const menuAdmin = z.looseObject({
  currency: z.string(),
  defaultTaxRateBps: z.number().int(),
  timezone: z.string(),
  categories: z.array(z.looseObject({ id, name: z.string(), active: z.boolean(), itemCount: z.number().int() })),
  items: z.array(z.looseObject({ id, name: z.string(), categoryId: id, priceCents: cents })),
});

const salesFigures = z.looseObject({
  checks: z.number().int(),
  covers: z.number().int(),
  grossCents: cents,
  netSalesCents: cents,
  tipsCents: cents,
  paymentsCents: cents,
});

const salesReport = z.looseObject({
  locationName: z.string(),
  currency: z.string(),
  period: z.looseObject({ from: z.string(), to: z.string() }),
  groupBy: z.string(),
  rows: z.array(salesFigures.extend({ key: z.string(), label: z.string(), previousNetSalesCents: cents.nullable() })),
  total: salesFigures,
  previousTotal: salesFigures.nullable(),
  generatedAt: isoTime,
});

const me = z.looseObject({
  user: z.looseObject({ id, name: z.string(), email: z.string(), role: z.string(), locationId: id }),
  locations: z.array(z.looseObject({ id, name: z.string() })),
});

/** `METHOD /api/v1/path` → the body of the route's success answer. */
const latLng = z.looseObject({ lat: z.number(), lng: z.number() });

const deliveryArea = z.looseObject({
  id,
  name: z.string(),
  kind: z.enum(["POLYGON", "RADIUS"]),
  polygon: z.array(z.array(z.number())).nullable(),
  minMeters: z.number().int(),
  maxMeters: z.number().int().nullable(),
  feeCents: cents,
  minimumCents: cents,
  travelMinutes: z.number().int(),
  sortOrder: z.number().int(),
});

/** The dispatch board (issue 16, docs/adr/0047): never a phone or an address, a first name at most. */
const dispatchBoard = z.looseObject({
  now: isoTime,
  kitchen: latLng.nullable(),
  orders: z.array(
    z.looseObject({
      orderId: id,
      number: z.number().int(),
      status: z.enum(["IN_KITCHEN", "READY"]),
      firstName: z.string(),
      promisedAt: isoTime,
      area: named.nullable(),
      position: latLng.nullable(),
      itemCount: z.number().int(),
      suggestedDriverId: id.nullable(),
    }),
  ),
  batches: z.array(
    z.looseObject({
      orderIds: z.array(id),
      totalMeters: z.number().int(),
      etaMinutes: z.array(z.number().int()),
      driverId: id.nullable(),
      driverName: z.string().nullable(),
    }),
  ),
  drivers: z.array(
    z.looseObject({
      driverId: id,
      name: z.string(),
      onDutySince: isoTime,
      load: z.number().int(),
      position: latLng.nullable(),
      lastPositionAt: isoTime.nullable(),
    }),
  ),
  routes: z.array(
    z.looseObject({
      id,
      status: z.enum(["PLANNED", "OUT"]),
      driverId: id,
      driverName: z.string(),
      stops: z.array(z.looseObject({ orderId: id, seq: z.number().int().nullable(), number: z.number().int() })),
    }),
  ),
});

export const RESPONSE_SCHEMAS: Record<string, z.ZodType> = {
  "GET /api/v1/me": me,
  "GET /api/v1/orders": z.looseObject({ orders: z.array(orderSummary) }),
  "POST /api/v1/orders": z.looseObject({ orderId: id, number: z.number().int(), created: z.boolean() }),
  "GET /api/v1/orders/{orderId}": z.looseObject({ order: orderDetail }),
  "POST /api/v1/orders/{orderId}/send": sendResult,
  "GET /api/v1/kitchen/snapshot": stationSnapshot,
  "GET /api/v1/kitchen/events": kitchenReplaySchema,
  "GET /api/v1/menu/order-pad": orderPadMenu,
  "GET /api/v1/menu/items": menuAdmin,
  "GET /api/v1/reports/sales": salesReport,
  "GET /api/v1/delivery/areas": z.looseObject({ kitchen: latLng.nullable(), areas: z.array(deliveryArea) }),
  "POST /api/v1/delivery/areas": deliveryArea,
  "GET /api/v1/delivery/assignments": dispatchBoard,
  "POST /api/v1/delivery/assignments": z.looseObject({
    routeId: id,
    driverId: id,
    orderIds: z.array(id),
    totalMeters: z.number().int(),
    etaMinutes: z.array(z.number().int()),
  }),
};

/** Routes whose success answer is not (only) JSON. Reports with `format=csv` add text/csv themselves. */
export const RESPONSE_MEDIA_TYPES: Record<string, string[]> = {
  "GET /api/v1/checks/{checkId}/receipt.pdf": ["application/pdf"],
  "GET /api/v1/tables/qr-cards": ["application/pdf"],
  "GET /api/v1/time-clock/timesheet.csv": ["text/csv"],
  "GET /api/v1/inventory/export": ["text/csv"],
  "GET /api/v1/menu/export": ["text/csv"],
};
