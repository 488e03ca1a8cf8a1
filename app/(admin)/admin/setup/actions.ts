"use server";

// Server actions of the setup console (settings, stations, floor plan, new location): thin — the
// `action` wrapper checks the session, the permission and the input; the use cases do the work.
import { action } from "@/lib/http/action";
import { updateLocationSettingsSchema } from "@/lib/locations/location-settings";
import { updateLocationSettings } from "@/lib/locations/update-location-settings";
import { copyLocation, copyLocationSchema } from "@/lib/locations/copy-location";
import { saveStation } from "@/lib/kitchen/save-station";
import { archiveStation } from "@/lib/kitchen/archive-station";
import { setCategoryStation } from "@/lib/kitchen/set-category-station";
import { saveStationSchema, setCategoryStationSchema } from "@/lib/kitchen/station-fields";
import { saveArea, saveAreaSchema } from "@/lib/tables/save-area";
import { moveArea, moveAreaSchema } from "@/lib/tables/move-area";
import { archiveArea } from "@/lib/tables/archive-area";
import { createTable } from "@/lib/tables/create-table";
import { updateTable } from "@/lib/tables/update-table";
import { archiveTable } from "@/lib/tables/archive-table";
import { archiveSchema, createTableSchema, updateTableSchema } from "@/lib/tables/table-fields";

const SETTINGS = ["/admin/settings", "/floor"];
const STATIONS = ["/admin/setup/stations", "/admin/menu", "/kitchen"];
const FLOOR = ["/admin/setup/floor", "/floor"];

export const updateSettingsAction = action(
  { permission: "setup.manage", input: updateLocationSettingsSchema, revalidate: SETTINGS },
  updateLocationSettings,
);

export const saveStationAction = action(
  { permission: "setup.manage", input: saveStationSchema, revalidate: STATIONS },
  saveStation,
);
export const archiveStationAction = action(
  { permission: "setup.manage", input: archiveSchema, revalidate: STATIONS },
  archiveStation,
);
export const setCategoryStationAction = action(
  { permission: "setup.manage", input: setCategoryStationSchema, revalidate: STATIONS },
  setCategoryStation,
);

export const saveAreaAction = action(
  { permission: "setup.manage", input: saveAreaSchema, revalidate: FLOOR },
  saveArea,
);
export const moveAreaAction = action(
  { permission: "setup.manage", input: moveAreaSchema, revalidate: FLOOR },
  moveArea,
);
export const archiveAreaAction = action(
  { permission: "setup.manage", input: archiveSchema, revalidate: FLOOR },
  archiveArea,
);

// The editor keeps its own state (optimistic moves), so table actions revalidate only the floor.
export const createTableAction = action(
  { permission: "setup.manage", input: createTableSchema, revalidate: ["/floor"] },
  createTable,
);
export const updateTableAction = action(
  { permission: "setup.manage", input: updateTableSchema, revalidate: ["/floor"] },
  updateTable,
);
export const archiveTableAction = action(
  { permission: "setup.manage", input: archiveSchema, revalidate: ["/floor"] },
  archiveTable,
);

export const copyLocationAction = action({ permission: "locations.create", input: copyLocationSchema }, copyLocation);
