import type { Permission } from "./permissions";

// What each permission lets a person do, in the words the role table page shows. A Record over
// Permission: a new permission without a description does not compile.

export const PERMISSION_DESCRIPTIONS: Record<Permission, { area: string; text: string }> = {
  "staff.signedIn": { area: "Account", text: "Sign in, change their own password, see where they are signed in" },
  "console.use": { area: "Account", text: "Open the admin console (dashboard, staff list)" },
  "menu.edit": { area: "Menu", text: "Create, edit, price, archive and import dishes, categories and modifiers" },
  "menu.86": { area: "Menu", text: "Mark a dish as sold out (86) and bring it back" },
  "inventory.manage": { area: "Inventory", text: "Ingredients, suppliers, purchase orders, stock counts and recipes" },
  "inventory.waste": { area: "Inventory", text: "Log waste" },
  "floor.use": { area: "Floor", text: "Use the floor plan and a table's order pad" },
  "orders.take": { area: "Orders", text: "Open tables, add and send items, fire courses, mark served" },
  "orders.read": { area: "Orders", text: "See orders with their prices" },
  "orders.close": { area: "Orders", text: "Close a check (the table becomes free)" },
  "orders.voidSent": { area: "Orders", text: "Void what the kitchen has already received, or a whole order" },
  "kitchen.work": { area: "Kitchen", text: "Kitchen screens: read tickets, bump, recall, mark ready" },
  "kitchen.forecast": { area: "Kitchen", text: "Station load forecast: expected items per station for the next hours" },
  "setup.manage": { area: "Setup", text: "Location settings, stations, areas, tables and the floor plan" },
  "locations.create": { area: "Setup", text: "Open another location by copying an existing one" },
  "staff.manage": {
    area: "Staff",
    text: "Add staff, change roles and rates, deactivate, unlock, issue password-reset links",
  },
  "staff.grantAdmin": { area: "Staff", text: "Create admins, make someone admin or take it away, deactivate an admin" },
  "devices.enroll": { area: "Staff", text: "Enroll a shared tablet or kitchen screen for PIN quick switch" },
  "approvals.give": { area: "Staff", text: "Approve a sensitive action with their PIN on someone else's device" },
  "schedule.manage": { area: "Schedule", text: "Draw, copy and publish the weekly schedule" },
  "timeclock.punch": { area: "Time clock", text: "Clock in and out, take breaks, see their own shifts" },
  "timeclock.manage": { area: "Time clock", text: "Correct punches, read and export timesheets and labour cost" },
  "tasks.manage": { area: "Tasks", text: "Write opening, closing and prep checklists" },
  "tasks.tick": { area: "Tasks", text: "Tick a checklist task on a tablet or kitchen screen" },
  "checks.manage": { area: "Checks", text: "Split and merge checks, move items between them, transfer a table" },
  "checks.discount": {
    area: "Checks",
    text: "Discount or comp up to the role's limit; more with a manager's approval",
  },
  "checks.discountAny": { area: "Checks", text: "Discount or comp any amount, and approve others' discounts" },
  "payments.take": {
    area: "Payments",
    text: "Take cash, card (external terminal) and house-account payments and tips",
  },
  "payments.refund": { area: "Payments", text: "Refund a payment, fully or partly, with a reason" },
  "checks.reopen": { area: "Payments", text: "Reopen a paid check; close a table that is not fully paid" },
  "cash.drawer": { area: "Payments", text: "Open and count a cash drawer, record pay-ins and pay-outs" },
  "payments.setup": { area: "Setup", text: "Discount reasons and limits, tenders, tips, service charges, printers" },
  "reports.money": { area: "Reports", text: "End-of-day (Z) reports and cash drawer history" },
  "audit.view": { area: "Reports", text: "Read the audit log: who did what, when, before and after" },
  "printing.use": { area: "Printing", text: "Re-print receipts, guest checks and kitchen chits" },
  "reservations.manage": {
    area: "Reservations",
    text: "Book, edit, confirm, seat and cancel reservations; mark arrivals and no-shows",
  },
  "reservations.read": { area: "Reservations", text: "See the reservation book, guests and free times" },
  "waitlist.manage": { area: "Reservations", text: "Add walk-ins to the waitlist, quote and notify them, seat them" },
  "tables.arrange": { area: "Floor", text: "Merge and part tables; move a seated party to another table" },
  "ops.health": { area: "Operations", text: "Read the detailed health report" },
};
