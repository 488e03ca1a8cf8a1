// The demo restaurant used by `npm run app`, the README, e2e and integration tests.
// Idempotent: every row is found by its natural unique key and only created when missing, so
// a second run changes nothing, and a run interrupted half-way is completed by the next one.
import type { Allergen, BaseUnit, Prisma, PrismaClient, Role, TableShape } from "@/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { encodeGuestContact, guestPhoneHash } from "@/lib/reservations/guest-contact";
import { addDays, localDateOf, zonedInstant } from "@/lib/time/zoned";
import { seedDelivery } from "./demo-delivery";
import { seedMoney } from "./demo-money";
import { seedTurnHistory } from "./demo-turns";
import { seedMenuMixHistory } from "./demo-menu-mix";
import { seedLabourHistory } from "./demo-labour";
import { openingStockAt, seedInventoryHistory } from "./demo-inventory-history";

type Tx = Prisma.TransactionClient;

export const DEMO_LOCATION_SLUG = "demo-bistro";
export const DEMO_SECOND_LOCATION_SLUG = "uptown-cafe";
export const DEMO_PASSWORD = "servicebell-2026";

export const DEMO_USERS = [
  { email: "admin@demo.kitchen", role: "ADMIN", name: "Alex Morgan" },
  { email: "manager@demo.kitchen", role: "MANAGER", name: "Jordan Reyes" },
  { email: "server@demo.kitchen", role: "SERVER", name: "Sam Carter" },
  { email: "chef@demo.kitchen", role: "CHEF", name: "Priya Nair" },
  { email: "cashier@demo.kitchen", role: "CASHIER", name: "Chris Lee" },
  { email: "host@demo.kitchen", role: "HOST", name: "Taylor Brooks" },
  { email: "server2@demo.kitchen", role: "SERVER", name: "Maya Johnson" },
  { email: "driver@demo.kitchen", role: "DRIVER", name: "Dana Ortiz" },
  { email: "driver2@demo.kitchen", role: "DRIVER", name: "Luis Romero" },
] as const satisfies readonly { email: string; role: Role; name: string }[];

/** Quick-switch PINs of the demo staff at the Bistro (README "Demo"); each passes the PIN policy. */
export const DEMO_PINS: Record<(typeof DEMO_USERS)[number]["email"], string> = {
  "admin@demo.kitchen": "7391",
  "manager@demo.kitchen": "5820",
  "server@demo.kitchen": "2749",
  "chef@demo.kitchen": "6071",
  "cashier@demo.kitchen": "8316",
  "host@demo.kitchen": "3907",
  "server2@demo.kitchen": "4071",
  "driver@demo.kitchen": "1596",
  "driver2@demo.kitchen": "8264",
};
// argon2 is slow on purpose: hash the demo PINs once per process, and only when a PIN is missing.
let demoPinHashes: Promise<Map<string, string>> | undefined;
const hashDemoPins = () =>
  (demoPinHashes ??= Promise.all(
    Object.entries(DEMO_PINS).map(async ([email, pin]) => [email, await hashPassword(pin)] as const),
  ).then((pairs) => new Map(pairs)));

/** Roles that also work at the second location (multi-location switching). */
const SECOND_LOCATION_ROLES: readonly Role[] = ["ADMIN", "MANAGER"];

export type SeedSummary = {
  locations: number;
  users: number;
  menuItems: number;
  modifierGroups: number;
  tables: number;
  ingredients: number;
  recipeLines: number;
};

// ---------------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------------

type StationDef = { slug: string; name: string; isExpo?: boolean; showOnExpo?: boolean; warn?: number; late?: number };
type CategoryDef = { name: string; station: string };
type ItemDef = {
  name: string;
  category: string;
  station: string;
  price: number;
  description: string;
  allergens?: Allergen[];
  tags?: string[];
  /** kcal, protein g, carbs g, fat g */
  nutrition?: [number, number, number, number];
  prep?: number;
  modifiers?: string[];
  windows?: string[];
  /** [ingredient name, quantity in its base unit] */
  recipe?: [string, number][];
};
type ModifierGroupDef = {
  name: string;
  min: number;
  max: number;
  /**
   * station: made at that station (slug) when it is not the dish's; dish: a portion of that menu
   * item (its station and all-day name); removes: an ingredient the dish then does not use.
   */
  options: {
    name: string;
    delta?: number;
    recipe?: [string, number][];
    station?: string;
    dish?: string;
    removes?: string;
  }[];
};
type WindowDef = { name: string; days: number[]; start: number; end: number };
type SupplierDef = { name: string; contactName: string; email: string; phone: string; leadTimeDays: number };
type IngredientDef = {
  name: string;
  sku: string;
  unit: BaseUnit;
  purchaseUnit: string;
  purchaseUnitSize: number;
  cost: number;
  par: number;
  reorder: number;
  stock: number;
  supplier: string;
};
type TableDef = { label: string; seats: number; shape: TableShape; x: number; y: number; w?: number; h?: number };
type LocationDef = {
  slug: string;
  name: string;
  address: string;
  /** The number guests call (the public booking page shows it). */
  phone: string;
  taxRateBps: number;
  stations: StationDef[];
  categories: CategoryDef[];
  windows: WindowDef[];
  modifierGroups: ModifierGroupDef[];
  items: ItemDef[];
  areas: { name: string; tables: TableDef[] }[];
  suppliers: SupplierDef[];
  ingredients: IngredientDef[];
};

const V = "vegetarian";
const VG = "vegan";
const GF = "gluten-free";
const DF = "dairy-free";

const BISTRO: LocationDef = {
  slug: DEMO_LOCATION_SLUG,
  name: "Harbor Street Bistro",
  address: "118 Harbor Street, Portland, ME 04101",
  phone: "(207) 555-0142",
  taxRateBps: 875,
  stations: [
    { slug: "grill", name: "Grill" },
    { slug: "fry", name: "Fryer" },
    { slug: "saute", name: "Sauté" },
    { slug: "cold", name: "Cold / Pantry" },
    // The bar hands drinks out itself: expo neither shows nor waits for them.
    { slug: "bar", name: "Bar", showOnExpo: false, warn: 3, late: 5 },
    { slug: "expo", name: "Expo", isExpo: true },
  ],
  categories: [
    { name: "Drinks", station: "bar" },
    { name: "Starters", station: "fry" },
    { name: "Salads", station: "cold" },
    { name: "Mains", station: "saute" },
    { name: "Burgers & Sandwiches", station: "grill" },
    { name: "Sides", station: "fry" },
    { name: "Desserts", station: "cold" },
  ],
  // Days: 0 = Sunday … 6 = Saturday; minutes after local midnight.
  windows: [
    { name: "Brunch", days: [0, 6], start: 10 * 60, end: 15 * 60 },
    { name: "Happy hour", days: [1, 2, 3, 4, 5], start: 16 * 60, end: 18 * 60 },
  ],
  modifierGroups: [
    {
      name: "Steak temperature",
      min: 1,
      max: 1,
      options: [
        { name: "Rare" },
        { name: "Medium rare" },
        { name: "Medium" },
        { name: "Medium well" },
        { name: "Well done" },
      ],
    },
    {
      name: "Side choice",
      min: 1,
      max: 1,
      options: [
        // Sides are cooked where their dish is: the salmon's fries come from the Fryer.
        {
          name: "Hand-cut fries",
          station: "fry",
          dish: "Hand-cut Fries",
          recipe: [
            ["Russet potatoes", 220],
            ["Frying oil", 40],
          ],
        },
        {
          name: "Sweet potato fries",
          delta: 100,
          dish: "Sweet Potato Fries",
          recipe: [
            ["Sweet potatoes", 220],
            ["Frying oil", 40],
          ],
        },
        { name: "Side salad", dish: "Side Salad", recipe: [["Mixed greens", 50]] },
        {
          name: "Garlic green beans",
          dish: "Garlic Green Beans",
          recipe: [
            ["Green beans", 120],
            ["Butter", 10],
          ],
        },
        {
          name: "Mac & cheese",
          delta: 200,
          dish: "Mac & Cheese",
          recipe: [
            ["Cheddar", 40],
            ["Whole milk", 60],
          ],
        },
      ],
    },
    {
      name: "Burger holds",
      min: 0,
      max: 2,
      options: [
        { name: "No tomato", removes: "Tomatoes" },
        { name: "No bun (lettuce wrap)", removes: "Brioche buns" },
      ],
    },
    {
      name: "Fish holds",
      min: 0,
      max: 2,
      options: [
        { name: "No lemon", removes: "Lemons" },
        { name: "No butter", removes: "Butter" },
      ],
    },
    {
      name: "Burger add-ons",
      min: 0,
      max: 4,
      options: [
        { name: "Cheddar cheese", delta: 150, recipe: [["Cheddar", 25]] },
        { name: "Applewood bacon", delta: 250, recipe: [["Bacon", 30]] },
        { name: "Avocado", delta: 200, recipe: [["Avocados", 0.5]] },
        { name: "Fried egg", delta: 150, recipe: [["Eggs", 1]] },
        { name: "Caramelized onions", delta: 100 },
        { name: "Extra patty", delta: 500, recipe: [["Beef patties", 1]] },
      ],
    },
    {
      name: "Add protein",
      min: 0,
      max: 1,
      options: [
        { name: "Grilled chicken", delta: 600, recipe: [["Chicken breast", 150]] },
        { name: "Grilled shrimp", delta: 800, recipe: [["Shrimp", 120]] },
        { name: "Salmon", delta: 900, recipe: [["Salmon fillet", 140]] },
      ],
    },
    {
      name: "Milk",
      min: 1,
      max: 1,
      options: [
        { name: "Whole milk" },
        { name: "Skim milk" },
        { name: "Oat milk", delta: 75, recipe: [["Oat milk", 180]] },
        { name: "Almond milk", delta: 75 },
      ],
    },
    {
      name: "Dressing",
      min: 0,
      max: 1,
      options: [
        { name: "Lemon vinaigrette" },
        { name: "Balsamic" },
        { name: "Ranch" },
        { name: "Dressing on the side" },
      ],
    },
  ],
  items: [
    // Drinks
    {
      name: "House Lemonade",
      category: "Drinks",
      station: "bar",
      price: 450,
      description: "Fresh-squeezed lemons, cane sugar, mint.",
      tags: [VG, GF],
      nutrition: [120, 0, 31, 0],
      prep: 2,
      recipe: [["Lemons", 2]],
    },
    {
      name: "Iced Tea",
      category: "Drinks",
      station: "bar",
      price: 395,
      description: "Black tea brewed in-house, unsweetened.",
      tags: [VG, GF],
      nutrition: [5, 0, 1, 0],
      prep: 1,
    },
    {
      name: "Espresso",
      category: "Drinks",
      station: "bar",
      price: 325,
      description: "Double shot, Harbor house blend.",
      tags: [VG, GF],
      nutrition: [5, 0, 1, 0],
      prep: 2,
      recipe: [["Espresso beans", 18]],
    },
    {
      name: "Cappuccino",
      category: "Drinks",
      station: "bar",
      price: 475,
      description: "Double shot with steamed milk and foam.",
      allergens: ["MILK"],
      tags: [V, GF],
      nutrition: [130, 7, 10, 7],
      prep: 3,
      modifiers: ["Milk"],
      recipe: [
        ["Espresso beans", 18],
        ["Whole milk", 150],
      ],
    },
    {
      name: "Latte",
      category: "Drinks",
      station: "bar",
      price: 495,
      description: "Double shot, steamed milk.",
      allergens: ["MILK"],
      tags: [V, GF],
      nutrition: [190, 10, 15, 10],
      prep: 3,
      modifiers: ["Milk"],
      recipe: [
        ["Espresso beans", 18],
        ["Whole milk", 240],
      ],
    },
    {
      name: "Sparkling Water",
      category: "Drinks",
      station: "bar",
      price: 300,
      description: "750 ml bottle.",
      tags: [VG, GF],
      prep: 1,
    },
    {
      name: "Harbor IPA",
      category: "Drinks",
      station: "bar",
      price: 750,
      description: "Local draft IPA, 16 oz.",
      allergens: ["GLUTEN"],
      tags: [VG],
      nutrition: [240, 2, 20, 0],
      prep: 1,
      windows: ["Happy hour"],
      recipe: [["Draft IPA", 473]],
    },
    {
      name: "House Red",
      category: "Drinks",
      station: "bar",
      price: 1100,
      description: "Glass of Côtes du Rhône.",
      allergens: ["SULPHITES"],
      tags: [VG, GF],
      nutrition: [125, 0, 4, 0],
      prep: 1,
      windows: ["Happy hour"],
      recipe: [["House red wine", 150]],
    },
    {
      name: "Harbor Spritz",
      category: "Drinks",
      station: "bar",
      price: 1250,
      description: "Prosecco, bitter orange aperitivo, soda.",
      allergens: ["SULPHITES"],
      tags: [VG, GF],
      nutrition: [160, 0, 14, 0],
      prep: 2,
      windows: ["Happy hour"],
      recipe: [["Prosecco", 90]],
    },
    {
      name: "Mimosa",
      category: "Drinks",
      station: "bar",
      price: 1000,
      description: "Prosecco and fresh orange juice.",
      allergens: ["SULPHITES"],
      tags: [VG, GF],
      nutrition: [110, 0, 10, 0],
      prep: 2,
      windows: ["Brunch"],
      recipe: [["Prosecco", 90]],
    },
    // Starters
    {
      name: "Crispy Calamari",
      category: "Starters",
      station: "fry",
      price: 1450,
      description: "Lemon aioli, pickled peppers.",
      allergens: ["MOLLUSCS", "GLUTEN", "EGGS"],
      nutrition: [520, 28, 38, 28],
      prep: 8,
      recipe: [
        ["Calamari", 180],
        ["All-purpose flour", 40],
        ["Frying oil", 60],
        ["Lemons", 0.5],
      ],
    },
    {
      name: "Truffle Parmesan Fries",
      category: "Starters",
      station: "fry",
      price: 950,
      description: "Hand-cut fries, truffle oil, parmesan, chives.",
      allergens: ["MILK"],
      tags: [V, GF],
      nutrition: [610, 12, 68, 32],
      prep: 6,
      windows: ["Happy hour"],
      recipe: [
        ["Russet potatoes", 280],
        ["Frying oil", 50],
        ["Parmesan", 20],
      ],
    },
    {
      name: "Buffalo Wings",
      category: "Starters",
      station: "fry",
      price: 1350,
      description: "Ten wings, house hot sauce, blue cheese dip, celery.",
      allergens: ["CELERY", "MILK"],
      tags: [GF],
      nutrition: [880, 62, 8, 66],
      prep: 12,
      recipe: [
        ["Chicken wings", 450],
        ["Frying oil", 60],
      ],
    },
    {
      name: "Tomato Bruschetta",
      category: "Starters",
      station: "cold",
      price: 1050,
      description: "Grilled sourdough, heirloom tomato, basil, garlic.",
      allergens: ["GLUTEN"],
      tags: [VG, DF],
      nutrition: [340, 9, 48, 12],
      prep: 5,
      recipe: [
        ["Sourdough bread", 120],
        ["Tomatoes", 150],
      ],
    },
    {
      name: "Steamed Mussels",
      category: "Starters",
      station: "saute",
      price: 1650,
      description: "White wine, garlic, shallot, cream, grilled bread.",
      allergens: ["MOLLUSCS", "SULPHITES", "CELERY", "MILK", "GLUTEN"],
      nutrition: [560, 38, 32, 26],
      prep: 10,
      recipe: [
        ["Mussels", 450],
        ["Heavy cream", 60],
        ["Sourdough bread", 60],
      ],
    },
    {
      name: "Soup of the Day",
      category: "Starters",
      station: "saute",
      price: 800,
      description: "Ask your server. Served with bread.",
      allergens: ["CELERY", "MILK", "GLUTEN"],
      tags: [V],
      nutrition: [280, 8, 30, 14],
      prep: 3,
    },
    {
      name: "Shrimp Cocktail",
      category: "Starters",
      station: "cold",
      price: 1550,
      description: "Poached jumbo shrimp, horseradish cocktail sauce.",
      allergens: ["CRUSTACEANS", "CELERY", "MUSTARD"],
      tags: [GF, DF],
      nutrition: [210, 34, 10, 2],
      prep: 4,
      recipe: [
        ["Shrimp", 180],
        ["Lemons", 0.5],
      ],
    },
    // Salads
    {
      name: "Caesar Salad",
      category: "Salads",
      station: "cold",
      price: 1250,
      description: "Romaine, parmesan, anchovy dressing, garlic croutons.",
      allergens: ["GLUTEN", "EGGS", "FISH", "MILK", "MUSTARD"],
      nutrition: [470, 14, 22, 36],
      prep: 5,
      modifiers: ["Add protein"],
      recipe: [
        ["Romaine hearts", 1],
        ["Parmesan", 25],
        ["Eggs", 1],
        ["Sourdough bread", 30],
      ],
    },
    {
      name: "Harbor Greens",
      category: "Salads",
      station: "cold",
      price: 1100,
      description: "Mixed greens, cucumber, radish, sunflower seeds.",
      allergens: ["MUSTARD", "SULPHITES"],
      tags: [VG, GF],
      nutrition: [260, 6, 14, 20],
      prep: 4,
      modifiers: ["Add protein", "Dressing"],
      recipe: [
        ["Mixed greens", 120],
        ["Tomatoes", 60],
      ],
    },
    {
      name: "Beet & Goat Cheese Salad",
      category: "Salads",
      station: "cold",
      price: 1300,
      description: "Roasted beets, whipped goat cheese, candied walnuts, arugula.",
      allergens: ["MILK", "TREE_NUTS"],
      tags: [V, GF],
      nutrition: [420, 12, 28, 30],
      prep: 5,
      modifiers: ["Add protein"],
      recipe: [
        ["Mixed greens", 60],
        ["Goat cheese", 50],
      ],
    },
    {
      name: "Sesame Noodle Salad",
      category: "Salads",
      station: "cold",
      price: 1350,
      description: "Soba, cabbage, edamame, peanuts, sesame-soy dressing.",
      allergens: ["SESAME", "SOY", "GLUTEN", "PEANUTS"],
      tags: [VG],
      nutrition: [540, 18, 64, 24],
      prep: 5,
      modifiers: ["Add protein"],
    },
    // Mains
    {
      name: "NY Strip Steak",
      category: "Mains",
      station: "grill",
      price: 3400,
      description: "12 oz strip, herb butter, red wine jus.",
      allergens: ["MILK", "SULPHITES"],
      tags: [GF],
      nutrition: [820, 68, 4, 58],
      prep: 18,
      modifiers: ["Steak temperature", "Side choice"],
      recipe: [
        ["NY strip steaks", 1],
        ["Butter", 20],
      ],
    },
    {
      name: "Grilled Salmon",
      category: "Mains",
      station: "grill",
      price: 2800,
      description: "Atlantic salmon, lemon-dill sauce.",
      allergens: ["FISH", "MILK"],
      tags: [GF],
      nutrition: [610, 46, 6, 42],
      prep: 14,
      modifiers: ["Side choice", "Fish holds"],
      recipe: [
        ["Salmon fillet", 200],
        ["Lemons", 0.5],
        ["Butter", 10],
      ],
    },
    {
      name: "Pan-Seared Scallops",
      category: "Mains",
      station: "saute",
      price: 3200,
      description: "Day-boat scallops, brown butter, cauliflower purée.",
      allergens: ["MOLLUSCS", "MILK"],
      tags: [GF],
      nutrition: [540, 38, 22, 32],
      prep: 12,
      recipe: [
        ["Scallops", 200],
        ["Butter", 25],
        ["Cauliflower", 0.25],
      ],
    },
    {
      name: "Chicken Parmesan",
      category: "Mains",
      station: "saute",
      price: 2400,
      description: "Breaded chicken, marinara, mozzarella, linguine.",
      allergens: ["GLUTEN", "EGGS", "MILK"],
      nutrition: [1050, 64, 88, 46],
      prep: 15,
      recipe: [
        ["Chicken breast", 220],
        ["Mozzarella", 60],
        ["Linguine", 120],
        ["Eggs", 1],
        ["All-purpose flour", 30],
      ],
    },
    {
      name: "Wild Mushroom Risotto",
      category: "Mains",
      station: "saute",
      price: 2200,
      description: "Arborio, mixed mushrooms, parmesan, thyme.",
      allergens: ["MILK", "CELERY", "SULPHITES"],
      tags: [V, GF],
      nutrition: [720, 20, 92, 28],
      prep: 18,
      recipe: [
        ["Arborio rice", 110],
        ["Cremini mushrooms", 150],
        ["Parmesan", 30],
        ["Butter", 20],
      ],
    },
    {
      name: "Fish & Chips",
      category: "Mains",
      station: "fry",
      price: 2100,
      description: "Beer-battered cod, fries, tartar sauce, malt vinegar.",
      allergens: ["FISH", "GLUTEN", "EGGS", "MUSTARD"],
      nutrition: [1120, 48, 96, 58],
      prep: 12,
      recipe: [
        ["Cod fillet", 200],
        ["All-purpose flour", 60],
        ["Russet potatoes", 250],
        ["Frying oil", 120],
      ],
    },
    {
      name: "Lobster Linguine",
      category: "Mains",
      station: "saute",
      price: 3600,
      description: "Maine lobster, cherry tomato, chili, garlic butter.",
      allergens: ["CRUSTACEANS", "GLUTEN", "EGGS", "MILK"],
      nutrition: [880, 46, 90, 34],
      prep: 14,
      recipe: [
        ["Lobster meat", 140],
        ["Linguine", 140],
        ["Tomatoes", 80],
        ["Butter", 25],
      ],
    },
    {
      name: "Roasted Cauliflower Steak",
      category: "Mains",
      station: "grill",
      price: 1900,
      description: "Tahini, pomegranate, herb salad.",
      allergens: ["SESAME"],
      tags: [VG, GF],
      nutrition: [430, 12, 36, 28],
      prep: 16,
      recipe: [["Cauliflower", 0.5]],
    },
    {
      name: "Eggs Benedict",
      category: "Mains",
      station: "saute",
      price: 1700,
      description: "Poached eggs, ham, hollandaise, English muffin.",
      allergens: ["EGGS", "GLUTEN", "MILK"],
      nutrition: [780, 36, 40, 52],
      prep: 10,
      windows: ["Brunch"],
      recipe: [
        ["Eggs", 2],
        ["Butter", 30],
      ],
    },
    {
      name: "Avocado Toast",
      category: "Mains",
      station: "cold",
      price: 1300,
      description: "Sourdough, smashed avocado, chili, sesame.",
      allergens: ["GLUTEN", "SESAME"],
      tags: [VG, DF],
      nutrition: [480, 12, 46, 28],
      prep: 6,
      windows: ["Brunch"],
      recipe: [
        ["Sourdough bread", 120],
        ["Avocados", 1],
      ],
    },
    // Burgers & Sandwiches
    {
      name: "Classic Burger",
      category: "Burgers & Sandwiches",
      station: "grill",
      price: 1650,
      description: "Two smashed patties, lettuce, tomato, pickles, house sauce.",
      allergens: ["GLUTEN", "SESAME", "EGGS", "MUSTARD"],
      nutrition: [880, 46, 42, 56],
      prep: 10,
      modifiers: ["Burger add-ons", "Side choice", "Burger holds"],
      recipe: [
        ["Beef patties", 2],
        ["Brioche buns", 1],
        ["Tomatoes", 30],
      ],
    },
    {
      name: "Bistro Cheeseburger",
      category: "Burgers & Sandwiches",
      station: "grill",
      price: 1850,
      description: "Aged cheddar, caramelized onions, bacon jam.",
      allergens: ["GLUTEN", "SESAME", "MILK", "MUSTARD"],
      nutrition: [1040, 54, 46, 70],
      prep: 11,
      modifiers: ["Burger add-ons", "Side choice"],
      recipe: [
        ["Beef patties", 2],
        ["Brioche buns", 1],
        ["Cheddar", 40],
        ["Bacon", 20],
      ],
    },
    {
      name: "Garden Burger",
      category: "Burgers & Sandwiches",
      station: "grill",
      price: 1750,
      description: "Plant-based patty, vegan aioli, lettuce, tomato.",
      allergens: ["GLUTEN", "SOY", "SESAME"],
      tags: [VG, DF],
      nutrition: [720, 28, 58, 40],
      prep: 10,
      modifiers: ["Burger add-ons", "Side choice", "Burger holds"],
      recipe: [
        ["Plant-based patties", 1],
        ["Brioche buns", 1],
        ["Tomatoes", 30],
      ],
    },
    {
      name: "Crispy Chicken Sandwich",
      category: "Burgers & Sandwiches",
      station: "fry",
      price: 1600,
      description: "Buttermilk fried chicken, slaw, pickles, hot honey.",
      allergens: ["GLUTEN", "EGGS", "MILK"],
      nutrition: [910, 48, 72, 46],
      prep: 11,
      modifiers: ["Burger add-ons", "Side choice"],
      recipe: [
        ["Chicken breast", 180],
        ["Brioche buns", 1],
        ["All-purpose flour", 40],
        ["Frying oil", 60],
      ],
    },
    {
      name: "Lobster Roll",
      category: "Burgers & Sandwiches",
      station: "cold",
      price: 2600,
      description: "Chilled Maine lobster, lemon mayo, toasted split-top roll.",
      allergens: ["CRUSTACEANS", "GLUTEN", "EGGS", "MILK", "CELERY"],
      nutrition: [640, 36, 40, 36],
      prep: 6,
      modifiers: ["Side choice"],
      recipe: [
        ["Lobster meat", 130],
        ["Brioche buns", 1],
        ["Butter", 15],
      ],
    },
    // Sides
    {
      name: "Hand-cut Fries",
      category: "Sides",
      station: "fry",
      price: 550,
      description: "Sea salt.",
      tags: [VG, GF],
      nutrition: [420, 5, 52, 20],
      prep: 5,
      recipe: [
        ["Russet potatoes", 250],
        ["Frying oil", 50],
      ],
    },
    {
      name: "Sweet Potato Fries",
      category: "Sides",
      station: "fry",
      price: 650,
      description: "Chipotle aioli.",
      allergens: ["EGGS"],
      tags: [V, GF],
      nutrition: [460, 4, 60, 22],
      prep: 5,
      recipe: [
        ["Sweet potatoes", 250],
        ["Frying oil", 50],
      ],
    },
    {
      name: "Garlic Green Beans",
      category: "Sides",
      station: "saute",
      price: 600,
      description: "Blistered, garlic, lemon.",
      tags: [VG, GF],
      nutrition: [120, 3, 10, 8],
      prep: 5,
      recipe: [["Green beans", 150]],
    },
    {
      name: "Mac & Cheese",
      category: "Sides",
      station: "saute",
      price: 800,
      description: "Three-cheese sauce, toasted crumbs.",
      allergens: ["GLUTEN", "MILK"],
      tags: [V],
      nutrition: [560, 22, 48, 30],
      prep: 7,
      recipe: [
        ["Cheddar", 60],
        ["Whole milk", 100],
        ["Linguine", 80],
      ],
    },
    {
      name: "Side Salad",
      category: "Sides",
      station: "cold",
      price: 500,
      description: "Greens, lemon vinaigrette.",
      allergens: ["MUSTARD"],
      tags: [VG, GF],
      nutrition: [90, 2, 6, 7],
      prep: 3,
      recipe: [["Mixed greens", 60]],
    },
    // Desserts
    {
      name: "Chocolate Lava Cake",
      category: "Desserts",
      station: "saute",
      price: 1000,
      description: "Warm dark chocolate cake, vanilla ice cream.",
      allergens: ["EGGS", "GLUTEN", "MILK", "SOY"],
      tags: [V],
      nutrition: [640, 9, 70, 36],
      prep: 12,
      recipe: [
        ["Dark chocolate", 60],
        ["Eggs", 2],
        ["Butter", 40],
        ["All-purpose flour", 20],
      ],
    },
    {
      name: "New York Cheesecake",
      category: "Desserts",
      station: "cold",
      price: 950,
      description: "Graham crust, berry compote.",
      allergens: ["MILK", "EGGS", "GLUTEN"],
      tags: [V],
      nutrition: [560, 10, 44, 38],
      prep: 3,
      recipe: [
        ["Cream cheese", 110],
        ["Eggs", 0.5],
      ],
    },
    {
      name: "Key Lime Pie",
      category: "Desserts",
      station: "cold",
      price: 900,
      description: "Whipped cream, toasted meringue.",
      allergens: ["MILK", "EGGS", "GLUTEN"],
      tags: [V],
      nutrition: [480, 8, 62, 22],
      prep: 3,
      recipe: [
        ["Heavy cream", 40],
        ["Eggs", 1],
      ],
    },
    {
      name: "Almond Panna Cotta",
      category: "Desserts",
      station: "cold",
      price: 900,
      description: "Vanilla bean, roasted almonds, honey.",
      allergens: ["MILK", "TREE_NUTS"],
      tags: [GF],
      nutrition: [390, 6, 34, 26],
      prep: 3,
      recipe: [["Heavy cream", 120]],
    },
    {
      name: "Seasonal Sorbet",
      category: "Desserts",
      station: "cold",
      price: 600,
      description: "Two scoops; ask for today's flavours.",
      tags: [VG, GF],
      nutrition: [180, 0, 45, 0],
      prep: 2,
    },
  ],
  areas: [
    {
      name: "Main dining",
      tables: [
        // Grid units: the floor plan is 12 × 10; a cell fits one two-top.
        { label: "1", seats: 2, shape: "SQUARE", x: 0, y: 0 },
        { label: "2", seats: 2, shape: "SQUARE", x: 2, y: 0 },
        { label: "3", seats: 2, shape: "SQUARE", x: 4, y: 0 },
        { label: "4", seats: 2, shape: "SQUARE", x: 6, y: 0 },
        { label: "5", seats: 4, shape: "SQUARE", x: 0, y: 2, w: 2, h: 2 },
        { label: "6", seats: 4, shape: "SQUARE", x: 3, y: 2, w: 2, h: 2 },
        { label: "7", seats: 4, shape: "SQUARE", x: 6, y: 2, w: 2, h: 2 },
        { label: "8", seats: 4, shape: "SQUARE", x: 9, y: 2, w: 2, h: 2 },
        { label: "9", seats: 4, shape: "ROUND", x: 0, y: 5, w: 2, h: 2 },
        { label: "10", seats: 4, shape: "ROUND", x: 3, y: 5, w: 2, h: 2 },
        { label: "11", seats: 5, shape: "ROUND", x: 6, y: 5, w: 2, h: 2 },
        { label: "12", seats: 6, shape: "RECT", x: 0, y: 8, w: 3, h: 2 },
        { label: "13", seats: 6, shape: "RECT", x: 4, y: 8, w: 3, h: 2 },
        { label: "14", seats: 8, shape: "RECT", x: 8, y: 7, w: 4, h: 2 },
      ],
    },
    {
      name: "Patio",
      tables: [
        { label: "P1", seats: 2, shape: "ROUND", x: 0, y: 0 },
        { label: "P2", seats: 2, shape: "ROUND", x: 2, y: 0 },
        { label: "P3", seats: 2, shape: "ROUND", x: 4, y: 0 },
        { label: "P4", seats: 2, shape: "ROUND", x: 6, y: 0 },
        { label: "P5", seats: 4, shape: "SQUARE", x: 0, y: 2, w: 2, h: 2 },
        { label: "P6", seats: 4, shape: "SQUARE", x: 3, y: 2, w: 2, h: 2 },
      ],
    },
  ],
  suppliers: [
    {
      name: "Casco Bay Provisions",
      contactName: "Dana Whitfield",
      email: "orders@cascobay.example",
      phone: "(207) 555-0142",
      leadTimeDays: 1,
    },
    {
      name: "Atlantic Meat & Seafood",
      contactName: "Luis Ortega",
      email: "sales@atlanticmeat.example",
      phone: "(207) 555-0177",
      leadTimeDays: 2,
    },
  ],
  // A few start below their reorder point so the low-stock views have something to show.
  ingredients: [
    {
      name: "Beef patties",
      sku: "AMS-BP6",
      unit: "EACH",
      purchaseUnit: "case of 40",
      purchaseUnitSize: 40,
      cost: 16000,
      par: 80,
      reorder: 40,
      stock: 96,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Plant-based patties",
      sku: "CBP-PBP",
      unit: "EACH",
      purchaseUnit: "case of 24",
      purchaseUnitSize: 24,
      cost: 5400,
      par: 24,
      reorder: 12,
      stock: 20,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "NY strip steaks",
      sku: "AMS-NY12",
      unit: "EACH",
      purchaseUnit: "case of 12",
      purchaseUnitSize: 12,
      cost: 21600,
      par: 24,
      reorder: 12,
      stock: 30,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Salmon fillet",
      sku: "AMS-SAL",
      unit: "G",
      purchaseUnit: "5 kg case",
      purchaseUnitSize: 5000,
      cost: 9500,
      par: 6000,
      reorder: 3000,
      stock: 7200,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Scallops",
      sku: "AMS-SCA",
      unit: "G",
      purchaseUnit: "2 kg bag",
      purchaseUnitSize: 2000,
      cost: 7800,
      par: 3000,
      reorder: 1500,
      stock: 1100,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Shrimp",
      sku: "AMS-SHR",
      unit: "G",
      purchaseUnit: "2 kg bag",
      purchaseUnitSize: 2000,
      cost: 3600,
      par: 4000,
      reorder: 2000,
      stock: 4400,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Mussels",
      sku: "AMS-MUS",
      unit: "G",
      purchaseUnit: "5 kg bag",
      purchaseUnitSize: 5000,
      cost: 2200,
      par: 5000,
      reorder: 2500,
      stock: 6000,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Calamari",
      sku: "AMS-CAL",
      unit: "G",
      purchaseUnit: "2.5 kg box",
      purchaseUnitSize: 2500,
      cost: 3000,
      par: 3000,
      reorder: 1500,
      stock: 3500,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Lobster meat",
      sku: "AMS-LOB",
      unit: "G",
      purchaseUnit: "1 kg tub",
      purchaseUnitSize: 1000,
      cost: 6500,
      par: 2000,
      reorder: 1000,
      stock: 800,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Cod fillet",
      sku: "AMS-COD",
      unit: "G",
      purchaseUnit: "5 kg case",
      purchaseUnitSize: 5000,
      cost: 7000,
      par: 5000,
      reorder: 2500,
      stock: 5600,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Chicken breast",
      sku: "AMS-CHB",
      unit: "G",
      purchaseUnit: "5 kg case",
      purchaseUnitSize: 5000,
      cost: 3800,
      par: 8000,
      reorder: 4000,
      stock: 9000,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Chicken wings",
      sku: "AMS-CHW",
      unit: "G",
      purchaseUnit: "5 kg case",
      purchaseUnitSize: 5000,
      cost: 2900,
      par: 6000,
      reorder: 3000,
      stock: 7500,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Bacon",
      sku: "AMS-BAC",
      unit: "G",
      purchaseUnit: "2 kg pack",
      purchaseUnitSize: 2000,
      cost: 2400,
      par: 3000,
      reorder: 1500,
      stock: 3600,
      supplier: "Atlantic Meat & Seafood",
    },
    {
      name: "Brioche buns",
      sku: "CBP-BUN",
      unit: "EACH",
      purchaseUnit: "bag of 12",
      purchaseUnitSize: 12,
      cost: 600,
      par: 96,
      reorder: 48,
      stock: 120,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Sourdough bread",
      sku: "CBP-SDL",
      unit: "G",
      purchaseUnit: "900 g loaf",
      purchaseUnitSize: 900,
      cost: 650,
      par: 5400,
      reorder: 2700,
      stock: 6300,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Linguine",
      sku: "CBP-LIN",
      unit: "G",
      purchaseUnit: "5 kg case",
      purchaseUnitSize: 5000,
      cost: 1500,
      par: 5000,
      reorder: 2500,
      stock: 7500,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Arborio rice",
      sku: "CBP-ARB",
      unit: "G",
      purchaseUnit: "5 kg sack",
      purchaseUnitSize: 5000,
      cost: 1800,
      par: 5000,
      reorder: 2000,
      stock: 6000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "All-purpose flour",
      sku: "CBP-FLR",
      unit: "G",
      purchaseUnit: "50 lb sack",
      purchaseUnitSize: 22680,
      cost: 1800,
      par: 22680,
      reorder: 10000,
      stock: 30000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Russet potatoes",
      sku: "CBP-POT",
      unit: "G",
      purchaseUnit: "50 lb sack",
      purchaseUnitSize: 22680,
      cost: 2800,
      par: 45000,
      reorder: 22000,
      stock: 52000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Sweet potatoes",
      sku: "CBP-SWP",
      unit: "G",
      purchaseUnit: "40 lb case",
      purchaseUnitSize: 18144,
      cost: 3200,
      par: 18000,
      reorder: 9000,
      stock: 20000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Romaine hearts",
      sku: "CBP-ROM",
      unit: "EACH",
      purchaseUnit: "case of 24",
      purchaseUnitSize: 24,
      cost: 3600,
      par: 36,
      reorder: 18,
      stock: 40,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Mixed greens",
      sku: "CBP-MXG",
      unit: "G",
      purchaseUnit: "3 lb box",
      purchaseUnitSize: 1361,
      cost: 1200,
      par: 4000,
      reorder: 2000,
      stock: 4500,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Tomatoes",
      sku: "CBP-TOM",
      unit: "G",
      purchaseUnit: "25 lb case",
      purchaseUnitSize: 11340,
      cost: 3800,
      par: 11000,
      reorder: 5500,
      stock: 12000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Avocados",
      sku: "CBP-AVO",
      unit: "EACH",
      purchaseUnit: "case of 48",
      purchaseUnitSize: 48,
      cost: 5800,
      par: 48,
      reorder: 24,
      stock: 18,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Lemons",
      sku: "CBP-LEM",
      unit: "EACH",
      purchaseUnit: "case of 115",
      purchaseUnitSize: 115,
      cost: 4200,
      par: 115,
      reorder: 50,
      stock: 140,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Cremini mushrooms",
      sku: "CBP-MSH",
      unit: "G",
      purchaseUnit: "10 lb case",
      purchaseUnitSize: 4536,
      cost: 2600,
      par: 4500,
      reorder: 2200,
      stock: 5000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Cauliflower",
      sku: "CBP-CAU",
      unit: "EACH",
      purchaseUnit: "case of 12",
      purchaseUnitSize: 12,
      cost: 2400,
      par: 12,
      reorder: 6,
      stock: 14,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Green beans",
      sku: "CBP-GRB",
      unit: "G",
      purchaseUnit: "10 lb case",
      purchaseUnitSize: 4536,
      cost: 1800,
      par: 4500,
      reorder: 2200,
      stock: 5200,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Cheddar",
      sku: "CBP-CHD",
      unit: "G",
      purchaseUnit: "5 lb block",
      purchaseUnitSize: 2268,
      cost: 2200,
      par: 4500,
      reorder: 2200,
      stock: 5000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Parmesan",
      sku: "CBP-PAR",
      unit: "G",
      purchaseUnit: "2 kg wedge",
      purchaseUnitSize: 2000,
      cost: 4400,
      par: 2000,
      reorder: 1000,
      stock: 2400,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Mozzarella",
      sku: "CBP-MOZ",
      unit: "G",
      purchaseUnit: "5 lb bag",
      purchaseUnitSize: 2268,
      cost: 1900,
      par: 2200,
      reorder: 1100,
      stock: 2600,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Goat cheese",
      sku: "CBP-GOA",
      unit: "G",
      purchaseUnit: "1 kg log",
      purchaseUnitSize: 1000,
      cost: 1600,
      par: 1000,
      reorder: 500,
      stock: 1200,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Cream cheese",
      sku: "CBP-CRC",
      unit: "G",
      purchaseUnit: "3 lb block",
      purchaseUnitSize: 1361,
      cost: 900,
      par: 2700,
      reorder: 1300,
      stock: 3000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Butter",
      sku: "CBP-BUT",
      unit: "G",
      purchaseUnit: "1 lb block",
      purchaseUnitSize: 454,
      cost: 450,
      par: 4500,
      reorder: 2200,
      stock: 5000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Eggs",
      sku: "CBP-EGG",
      unit: "EACH",
      purchaseUnit: "case of 180",
      purchaseUnitSize: 180,
      cost: 5400,
      par: 180,
      reorder: 90,
      stock: 210,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Whole milk",
      sku: "CBP-MLK",
      unit: "ML",
      purchaseUnit: "1 gal jug",
      purchaseUnitSize: 3785,
      cost: 450,
      par: 15000,
      reorder: 7500,
      stock: 18000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Oat milk",
      sku: "CBP-OAT",
      unit: "ML",
      purchaseUnit: "case of 6 × 946 ml",
      purchaseUnitSize: 5676,
      cost: 2100,
      par: 5600,
      reorder: 2800,
      stock: 6000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Heavy cream",
      sku: "CBP-CRM",
      unit: "ML",
      purchaseUnit: "1 qt carton",
      purchaseUnitSize: 946,
      cost: 550,
      par: 4700,
      reorder: 2300,
      stock: 5000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Dark chocolate",
      sku: "CBP-CHO",
      unit: "G",
      purchaseUnit: "5 kg box",
      purchaseUnitSize: 5000,
      cost: 6500,
      par: 2500,
      reorder: 1200,
      stock: 3000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Espresso beans",
      sku: "CBP-ESP",
      unit: "G",
      purchaseUnit: "5 lb bag",
      purchaseUnitSize: 2268,
      cost: 4500,
      par: 4500,
      reorder: 2200,
      stock: 5000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Frying oil",
      sku: "CBP-OIL",
      unit: "ML",
      purchaseUnit: "17.5 l jug",
      purchaseUnitSize: 17500,
      cost: 3600,
      par: 35000,
      reorder: 17500,
      stock: 40000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Draft IPA",
      sku: "CBP-IPA",
      unit: "ML",
      purchaseUnit: "1/6 bbl keg",
      purchaseUnitSize: 19550,
      cost: 12000,
      par: 19550,
      reorder: 8000,
      stock: 30000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "House red wine",
      sku: "CBP-RED",
      unit: "ML",
      purchaseUnit: "case of 12 × 750 ml",
      purchaseUnitSize: 9000,
      cost: 9600,
      par: 9000,
      reorder: 4500,
      stock: 12000,
      supplier: "Casco Bay Provisions",
    },
    {
      name: "Prosecco",
      sku: "CBP-PRO",
      unit: "ML",
      purchaseUnit: "case of 12 × 750 ml",
      purchaseUnitSize: 9000,
      cost: 14400,
      par: 9000,
      reorder: 4500,
      stock: 9750,
      supplier: "Casco Bay Provisions",
    },
  ],
};

const UPTOWN: LocationDef = {
  slug: DEMO_SECOND_LOCATION_SLUG,
  name: "Uptown Café",
  address: "42 Congress Street, Portland, ME 04101",
  phone: "(207) 555-0187",
  taxRateBps: 875,
  stations: [
    { slug: "coffee", name: "Coffee Bar" },
    { slug: "kitchen", name: "Kitchen" },
    { slug: "expo", name: "Expo", isExpo: true },
  ],
  categories: [
    { name: "Coffee", station: "coffee" },
    { name: "Pastries", station: "kitchen" },
    { name: "Sandwiches", station: "kitchen" },
  ],
  windows: [],
  modifierGroups: [
    { name: "Milk", min: 1, max: 1, options: [{ name: "Whole milk" }, { name: "Oat milk", delta: 75 }] },
  ],
  items: [
    {
      name: "Drip Coffee",
      category: "Coffee",
      station: "coffee",
      price: 300,
      description: "Bottomless refills.",
      tags: [VG, GF],
      nutrition: [5, 0, 1, 0],
      prep: 1,
      recipe: [["Espresso beans", 15]],
    },
    {
      name: "Flat White",
      category: "Coffee",
      station: "coffee",
      price: 475,
      description: "Ristretto, microfoam.",
      allergens: ["MILK"],
      tags: [V, GF],
      nutrition: [110, 6, 9, 6],
      prep: 3,
      modifiers: ["Milk"],
      recipe: [
        ["Espresso beans", 18],
        ["Whole milk", 120],
      ],
    },
    {
      name: "Butter Croissant",
      category: "Pastries",
      station: "kitchen",
      price: 375,
      description: "Baked every morning.",
      allergens: ["GLUTEN", "MILK", "EGGS"],
      tags: [V],
      nutrition: [280, 5, 31, 15],
      prep: 1,
      recipe: [["Croissants", 1]],
    },
    {
      name: "Almond Croissant",
      category: "Pastries",
      station: "kitchen",
      price: 450,
      description: "Frangipane, toasted almonds.",
      allergens: ["GLUTEN", "MILK", "EGGS", "TREE_NUTS"],
      tags: [V],
      nutrition: [420, 9, 40, 25],
      prep: 2,
      recipe: [["Croissants", 1]],
    },
    {
      name: "Turkey Club",
      category: "Sandwiches",
      station: "kitchen",
      price: 1250,
      description: "Roast turkey, bacon, tomato, mayo, sourdough.",
      allergens: ["GLUTEN", "EGGS"],
      nutrition: [690, 42, 48, 34],
      prep: 6,
    },
    {
      name: "Caprese Panini",
      category: "Sandwiches",
      station: "kitchen",
      price: 1150,
      description: "Mozzarella, tomato, basil pesto.",
      allergens: ["GLUTEN", "MILK", "TREE_NUTS"],
      tags: [V],
      nutrition: [610, 26, 52, 32],
      prep: 6,
    },
  ],
  areas: [
    {
      name: "Café floor",
      tables: [
        { label: "C1", seats: 2, shape: "ROUND", x: 0, y: 0 },
        { label: "C2", seats: 2, shape: "ROUND", x: 2, y: 0 },
        { label: "C3", seats: 4, shape: "SQUARE", x: 0, y: 2, w: 2, h: 2 },
        { label: "C4", seats: 4, shape: "SQUARE", x: 3, y: 2, w: 2, h: 2 },
      ],
    },
  ],
  suppliers: [
    {
      name: "Congress Street Roasters",
      contactName: "Mia Fontaine",
      email: "wholesale@csroasters.example",
      phone: "(207) 555-0119",
      leadTimeDays: 3,
    },
  ],
  ingredients: [
    {
      name: "Espresso beans",
      sku: "CSR-ESP",
      unit: "G",
      purchaseUnit: "5 lb bag",
      purchaseUnitSize: 2268,
      cost: 4200,
      par: 4500,
      reorder: 2200,
      stock: 4000,
      supplier: "Congress Street Roasters",
    },
    {
      name: "Whole milk",
      sku: "CSR-MLK",
      unit: "ML",
      purchaseUnit: "1 gal jug",
      purchaseUnitSize: 3785,
      cost: 450,
      par: 11000,
      reorder: 5500,
      stock: 9000,
      supplier: "Congress Street Roasters",
    },
    {
      name: "Croissants",
      sku: "CSR-CRO",
      unit: "EACH",
      purchaseUnit: "tray of 24",
      purchaseUnitSize: 24,
      cost: 3600,
      par: 48,
      reorder: 24,
      stock: 36,
      supplier: "Congress Street Roasters",
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

const TIMEZONE = "America/New_York";

/** Seed (or complete) the demo data. Safe to run any number of times. */
export async function seedDemo(db: PrismaClient, opts: { passwordHash?: string } = {}): Promise<SeedSummary> {
  // Hash once (argon2 is deliberately slow) and only when a user is missing.
  const existingUsers = await db.user.count({ where: { email: { in: DEMO_USERS.map((u) => u.email) } } });
  const passwordHash =
    existingUsers === DEMO_USERS.length ? "" : (opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD)));
  const pinsMissing = await db.membership.count({
    where: { pinHash: null, location: { slug: DEMO_LOCATION_SLUG }, user: { email: { in: Object.keys(DEMO_PINS) } } },
  });
  const pinHashes = existingUsers === DEMO_USERS.length && pinsMissing === 0 ? null : await hashDemoPins();

  // One transaction: the app runner seeds only an empty database, so a half-seeded one must
  // never be committed.
  return db.$transaction(
    async (tx) => {
      const users = new Map<string, string>();
      for (const u of DEMO_USERS) {
        const user = await tx.user.upsert({
          where: { email: u.email },
          create: { email: u.email, name: u.name, passwordHash },
          update: {},
        });
        users.set(u.email, user.id);
      }

      const bistroId = await seedLocation(tx, BISTRO, users.get("admin@demo.kitchen")!);
      const uptownId = await seedLocation(tx, UPTOWN, users.get("admin@demo.kitchen")!);

      // Bistro memberships first: sign-in lands on the oldest membership.
      for (const u of DEMO_USERS) await ensureMembership(tx, users.get(u.email)!, bistroId, u.role);
      for (const u of DEMO_USERS) {
        if (SECOND_LOCATION_ROLES.includes(u.role)) await ensureMembership(tx, users.get(u.email)!, uptownId, u.role);
      }
      // PINs at the Bistro only (a PIN is per location); a PIN someone changed is kept.
      for (const [email, pinHash] of pinHashes ?? []) {
        await tx.membership.updateMany({
          where: { userId: users.get(email)!, locationId: bistroId, pinHash: null },
          data: { pinHash, pinSetAt: new Date() },
        });
      }

      await seedToday(tx, bistroId, users);
      await seedChecklists(tx, bistroId);
      await seedHourlyRates(tx, bistroId, users);
      await seedMoney(tx, bistroId, users);
      // After the money days: their checks decide whether demo-money writes its own.
      await seedTurnHistory(tx, bistroId, users);
      // After the turn history: its tables' evenings decide where the specials' parties sit.
      await seedMenuMixHistory(tx, bistroId, users);
      await seedLabourHistory(tx, bistroId, users);
      await seedInventoryHistory(tx, bistroId, users);
      await seedDelivery(tx, bistroId);

      const [locations, userCount, menuItems, modifierGroups, tables, ingredients, recipeLines] = await Promise.all([
        tx.location.count(),
        tx.user.count(),
        tx.menuItem.count(),
        tx.modifierGroup.count(),
        tx.diningTable.count(),
        tx.ingredient.count(),
        tx.recipeLine.count(),
      ]);
      return { locations, users: userCount, menuItems, modifierGroups, tables, ingredients, recipeLines };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Labour cost on the dashboard and timesheets: demo hourly rates, only where none is set. */
async function seedHourlyRates(tx: Tx, locationId: string, users: Map<string, string>): Promise<void> {
  const rates: Record<string, number> = {
    "manager@demo.kitchen": 2800,
    "chef@demo.kitchen": 2400,
    "server@demo.kitchen": 1500,
    "server2@demo.kitchen": 1500,
    "cashier@demo.kitchen": 1600,
    "host@demo.kitchen": 1450,
  };
  for (const [email, hourlyRateCents] of Object.entries(rates)) {
    await tx.membership.updateMany({
      where: { userId: users.get(email)!, locationId, hourlyRateCents: null },
      data: { hourlyRateCents },
    });
  }
}

async function ensureMembership(tx: Tx, userId: string, locationId: string, role: Role): Promise<void> {
  await tx.membership.upsert({
    where: { userId_locationId: { userId, locationId } },
    create: { userId, locationId, role },
    update: {},
  });
}

async function seedLocation(tx: Tx, def: LocationDef, adminId: string): Promise<string> {
  const location = await tx.location.upsert({
    where: { slug: def.slug },
    create: {
      slug: def.slug,
      name: def.name,
      address: def.address,
      phone: def.phone,
      timezone: TIMEZONE,
      currency: "USD",
      taxRateBps: def.taxRateBps,
    },
    update: {},
  });
  const locationId = location.id;
  // Databases seeded before the column existed get the number once; an edited one stays.
  if (location.phone === null) await tx.location.update({ where: { id: locationId }, data: { phone: def.phone } });
  await tx.locationCounter.upsert({ where: { locationId }, create: { locationId }, update: {} });

  const stations = new Map<string, string>();
  for (const [i, s] of def.stations.entries()) {
    const row = await tx.kitchenStation.upsert({
      where: { locationId_slug: { locationId, slug: s.slug } },
      create: {
        locationId,
        slug: s.slug,
        name: s.name,
        isExpo: s.isExpo ?? false,
        sortOrder: i,
        showOnExpo: s.showOnExpo ?? true,
        warnMinutes: s.warn,
        lateMinutes: s.late,
      },
      update: {},
    });
    stations.set(s.slug, row.id);
  }

  const categories = new Map<string, string>();
  for (const [i, c] of def.categories.entries()) {
    const row = await tx.menuCategory.upsert({
      where: { locationId_name: { locationId, name: c.name } },
      create: { locationId, name: c.name, sortOrder: i, defaultStationId: stations.get(c.station)! },
      update: {},
    });
    categories.set(c.name, row.id);
  }

  const windows = new Map<string, string>();
  for (const w of def.windows) {
    const row = await tx.availabilityWindow.upsert({
      where: { locationId_name: { locationId, name: w.name } },
      create: { locationId, name: w.name, daysOfWeek: w.days, startMinute: w.start, endMinute: w.end },
      update: {},
    });
    windows.set(w.name, row.id);
  }

  const suppliers = new Map<string, string>();
  for (const s of def.suppliers) {
    const row = await tx.supplier.upsert({
      where: { locationId_name: { locationId, name: s.name } },
      create: { locationId, ...s },
      update: {},
    });
    suppliers.set(s.name, row.id);
  }

  const ingredients = new Map<string, string>();
  for (const ing of def.ingredients) {
    const existing = await tx.ingredient.findUnique({ where: { locationId_name: { locationId, name: ing.name } } });
    if (existing) {
      ingredients.set(ing.name, existing.id);
      continue;
    }
    // New ingredient: its opening stock enters through the ledger like any other receipt.
    const row = await tx.ingredient.create({
      data: {
        locationId,
        name: ing.name,
        sku: ing.sku,
        baseUnit: ing.unit,
        purchaseUnit: ing.purchaseUnit,
        purchaseUnitSize: ing.purchaseUnitSize,
        costCentsPerPurchaseUnit: ing.cost,
        parLevel: ing.par,
        reorderPoint: ing.reorder,
        defaultSupplierId: suppliers.get(ing.supplier)!,
        stockLevel: { create: { locationId, quantity: ing.stock } },
        movements: {
          create: {
            locationId,
            type: "RECEIPT",
            quantityDelta: ing.stock,
            balanceAfter: ing.stock,
            reason: "Opening stock",
            actorId: adminId,
            createdAt: openingStockAt(location),
          },
        },
      },
    });
    ingredients.set(ing.name, row.id);
  }

  const modifiers = new Map<string, string>(); // "group/option" → id
  const portions: { modifierId: string; dish: string }[] = []; // new options that are a portion of a dish
  const groups = new Map<string, string>();
  for (const [i, g] of def.modifierGroups.entries()) {
    const group = await tx.modifierGroup.upsert({
      where: { locationId_name: { locationId, name: g.name } },
      create: { locationId, name: g.name, minSelect: g.min, maxSelect: g.max, sortOrder: i },
      update: {},
    });
    groups.set(g.name, group.id);
    for (const [j, o] of g.options.entries()) {
      let modifier = await tx.modifier.findUnique({ where: { groupId_name: { groupId: group.id, name: o.name } } });
      if (!modifier) {
        modifier = await tx.modifier.create({
          data: {
            groupId: group.id,
            name: o.name,
            priceDeltaCents: o.delta ?? 0,
            sortOrder: j,
            stationId: o.station ? lookup(stations, o.station, def.slug) : null,
            removesIngredientId: o.removes ? lookup(ingredients, o.removes, def.slug) : null,
          },
        });
        if (o.dish) portions.push({ modifierId: modifier.id, dish: o.dish });
      }
      modifiers.set(`${g.name}/${o.name}`, modifier.id);
      for (const [ingredient, quantity] of o.recipe ?? []) {
        const ingredientId = lookup(ingredients, ingredient, def.slug);
        await tx.recipeLine.upsert({
          where: { modifierId_ingredientId: { modifierId: modifier.id, ingredientId } },
          create: { locationId, modifierId: modifier.id, ingredientId, quantity },
          update: {},
        });
      }
    }
  }

  for (const [i, item] of def.items.entries()) {
    const [kcal, proteinG, carbsG, fatG] = item.nutrition ?? [];
    const row = await tx.menuItem.upsert({
      where: { locationId_name: { locationId, name: item.name } },
      create: {
        locationId,
        categoryId: lookup(categories, item.category, def.slug),
        stationId: lookup(stations, item.station, def.slug),
        name: item.name,
        description: item.description,
        priceCents: item.price,
        allergens: item.allergens ?? [],
        dietaryTags: item.tags ?? [],
        kcal,
        proteinG,
        carbsG,
        fatG,
        prepMinutes: item.prep,
        sortOrder: i,
      },
      update: {},
    });
    for (const [j, groupName] of (item.modifiers ?? []).entries()) {
      const groupId = lookup(groups, groupName, def.slug);
      await tx.menuItemModifierGroup.upsert({
        where: { menuItemId_groupId: { menuItemId: row.id, groupId } },
        create: { menuItemId: row.id, groupId, sortOrder: j },
        update: {},
      });
    }
    for (const windowName of item.windows ?? []) {
      const windowId = lookup(windows, windowName, def.slug);
      await tx.menuItemAvailability.upsert({
        where: { menuItemId_windowId: { menuItemId: row.id, windowId } },
        create: { menuItemId: row.id, windowId },
        update: {},
      });
    }
    for (const [ingredient, quantity] of item.recipe ?? []) {
      const ingredientId = lookup(ingredients, ingredient, def.slug);
      await tx.recipeLine.upsert({
        where: { menuItemId_ingredientId: { menuItemId: row.id, ingredientId } },
        create: { locationId, menuItemId: row.id, ingredientId, quantity },
        update: {},
      });
    }
  }

  // Dishes exist only now: link the options just created to the dish they are a portion of.
  for (const p of portions) {
    const dish = await tx.menuItem.findUniqueOrThrow({
      where: { locationId_name: { locationId, name: p.dish } },
      select: { id: true },
    });
    await tx.modifier.update({ where: { id: p.modifierId }, data: { recipeItemId: dish.id } });
  }

  for (const [i, area] of def.areas.entries()) {
    const areaRow = await tx.floorArea.upsert({
      where: { locationId_name: { locationId, name: area.name } },
      create: { locationId, name: area.name, sortOrder: i },
      update: {},
    });
    for (const t of area.tables) {
      await tx.diningTable.upsert({
        where: { locationId_label: { locationId, label: t.label } },
        create: {
          locationId,
          areaId: areaRow.id,
          label: t.label,
          seats: t.seats,
          shape: t.shape,
          posX: t.x,
          posY: t.y,
          width: t.w ?? 1,
          height: t.h ?? 1,
        },
        update: {},
      });
    }
  }

  return locationId;
}

/**
 * Today's shifts, reservations and waitlist. Operational data has no natural key, so it is
 * only created while the location has none of its kind.
 */
async function seedToday(tx: Tx, locationId: string, users: Map<string, string>): Promise<void> {
  const today = localDateOf(new Date(), TIMEZONE);
  const at = (hour: number, minute = 0) => zonedInstant(today, hour, minute, TIMEZONE);

  if ((await tx.shift.count({ where: { locationId } })) === 0) {
    const shifts: [string, Role, number, number][] = [
      ["manager@demo.kitchen", "MANAGER", 10, 18],
      ["chef@demo.kitchen", "CHEF", 10, 20],
      ["server@demo.kitchen", "SERVER", 11, 19],
      ["cashier@demo.kitchen", "CASHIER", 11, 19],
      ["server2@demo.kitchen", "SERVER", 16, 23],
      ["host@demo.kitchen", "HOST", 16, 22],
    ];
    await tx.shift.createMany({
      data: shifts.map(([email, role, start, end]) => ({
        locationId,
        userId: users.get(email)!,
        role,
        startsAt: at(start),
        endsAt: at(end),
        publishedAt: new Date(),
      })),
    });
  }

  await seedReservations(tx, locationId, users);
}

type DemoGuest = { name: string; phone?: string; email?: string; notes?: string; visits?: number; noShows?: number };
type DemoBooking = {
  guest: string;
  size: number;
  at: [number, number];
  tables: string[];
  status?: "BOOKED" | "CONFIRMED";
  source?: "HOST" | "PHONE" | "ONLINE";
  tags?: ("BIRTHDAY" | "ANNIVERSARY" | "VIP" | "ALLERGY" | "REGULAR" | "BUSINESS" | "HIGH_CHAIR")[];
  notes?: string;
  allergyNotes?: string;
};

const DEMO_GUESTS: DemoGuest[] = [
  { name: "Elena Rivera", phone: "+12075550163", email: "elena.rivera@example.com", notes: "Likes table 5", visits: 3 },
  { name: "Marcus Okafor", phone: "+12075550188", notes: "Prefers the patio", visits: 1, noShows: 1 },
  { name: "Hannah Chen", phone: "+12075550125", email: "hchen@example.com", notes: "Shellfish allergy", visits: 5 },
  { name: "Tom Becker", phone: "+12075550142" },
  { name: "Aisha Karim", phone: "+12075550177", email: "aisha.k@example.com", visits: 2 },
  { name: "Jonas Lindqvist", phone: "+12075550119" },
  { name: "Priya Nair", phone: "+12075550154", email: "priya.nair@example.com" },
  { name: "Sam O'Neill", phone: "+12075550131" },
  { name: "Grace Liu", phone: "+12075550196", visits: 1 },
  { name: "Daniel Moreau", phone: "+12075550108", email: "d.moreau@example.com" },
  { name: "Fatima Haddad", phone: "+12075550170" },
  { name: "Ben Walker", phone: "+12075550114" },
  { name: "Lucia Romano", phone: "+12075550149", email: "lucia.romano@example.com" },
  { name: "Kenji Sato", phone: "+12075550183" },
  { name: "Ravi Patel", phone: "+12075550161", notes: "Family birthdays; likes 9 and 10 pushed together", visits: 1 },
];

/** Tonight's book: table assignments never overlap (the exclusion constraint would refuse the seed). */
const TONIGHT: DemoBooking[] = [
  {
    guest: "Elena Rivera",
    size: 4,
    at: [17, 0],
    tables: ["5"],
    status: "CONFIRMED",
    tags: ["BIRTHDAY"],
    notes: "Dessert candle",
  },
  { guest: "Tom Becker", size: 2, at: [17, 15], tables: ["1"] },
  { guest: "Aisha Karim", size: 2, at: [17, 30], tables: ["2"], status: "CONFIRMED", tags: ["REGULAR"] },
  {
    guest: "Hannah Chen",
    size: 6,
    at: [17, 45],
    tables: ["12"],
    status: "CONFIRMED",
    tags: ["ALLERGY"],
    allergyNotes: "Shellfish — no crustaceans or molluscs",
  },
  { guest: "Jonas Lindqvist", size: 4, at: [18, 0], tables: ["6"], source: "ONLINE" },
  { guest: "Priya Nair", size: 3, at: [18, 0], tables: ["7"], status: "CONFIRMED", tags: ["VIP"] },
  { guest: "Sam O'Neill", size: 2, at: [18, 30], tables: ["3"], tags: ["ANNIVERSARY"], notes: "Quiet corner" },
  { guest: "Grace Liu", size: 5, at: [18, 45], tables: ["11"], source: "PHONE", tags: ["HIGH_CHAIR"] },
  { guest: "Daniel Moreau", size: 4, at: [19, 0], tables: ["5"], status: "CONFIRMED" },
  { guest: "Fatima Haddad", size: 2, at: [19, 0], tables: ["1"], source: "ONLINE" },
  { guest: "Marcus Okafor", size: 2, at: [19, 15], tables: ["P1"], notes: "Prefers the patio" },
  { guest: "Ben Walker", size: 8, at: [19, 30], tables: ["14"], status: "CONFIRMED", tags: ["BUSINESS"] },
  {
    guest: "Lucia Romano",
    size: 6,
    at: [20, 0],
    tables: ["13"],
    status: "CONFIRMED",
    tags: ["ALLERGY"],
    allergyNotes: "Peanuts and tree nuts",
  },
  { guest: "Kenji Sato", size: 4, at: [20, 15], tables: ["8"], source: "PHONE" },
  { guest: "Aisha Karim", size: 2, at: [20, 30], tables: ["2"], source: "ONLINE" },
  { guest: "Tom Becker", size: 4, at: [21, 0], tables: ["9"] },
  // A combination: seating it pushes 9 and 10 together on the host stand (ADR 0031); back to back with 21:00.
  {
    guest: "Ravi Patel",
    size: 7,
    at: [18, 30],
    tables: ["9", "10"],
    tags: ["BIRTHDAY"],
    notes: "Two round tables together",
  },
];

const DEMO_DURATIONS: Record<string, number> = { "2": 90, "4": 105, "6": 120, "8": 150 };

/**
 * Service periods (lunch on weekdays, dinner daily), guests with some history, and tonight's book.
 * Guests are found by phone; periods and bookings are only created while the location has none.
 */
async function seedReservations(tx: Tx, locationId: string, users: Map<string, string>): Promise<void> {
  if ((await tx.servicePeriod.count({ where: { locationId } })) === 0) {
    await tx.servicePeriod.createMany({
      data: [
        {
          locationId,
          name: "Lunch",
          daysOfWeek: [1, 2, 3, 4, 5],
          startMinute: 690,
          endMinute: 870,
          maxCoversPerSlot: 16,
          maxPartiesPerSlot: 4,
        },
        {
          locationId,
          name: "Dinner",
          daysOfWeek: [0, 1, 2, 3, 4, 5, 6],
          startMinute: 1020,
          endMinute: 1350,
          maxCoversPerSlot: 24,
          maxPartiesPerSlot: 5,
        },
      ],
    });
  }
  const guests = new Map<string, string>();
  for (const g of DEMO_GUESTS) {
    const row = await tx.guest.upsert({
      where: { locationId_phoneHash: { locationId, phoneHash: guestPhoneHash(g.phone!) } },
      create: {
        locationId,
        name: g.name,
        ...encodeGuestContact({ phone: g.phone!, email: g.email ?? null }),
        notes: g.notes ?? "",
      },
      update: {},
      select: { id: true },
    });
    guests.set(g.name, row.id);
  }
  if ((await tx.reservation.count({ where: { locationId } })) > 0) return;

  const today = localDateOf(new Date(), TIMEZONE);
  const table = async (label: string) =>
    (await tx.diningTable.findUniqueOrThrow({ where: { locationId_label: { locationId, label } } })).id;
  const hostId = users.get("host@demo.kitchen") ?? null;
  const book = async (
    b: DemoBooking,
    day = today,
    status: "BOOKED" | "CONFIRMED" | "COMPLETED" | "NO_SHOW" = b.status ?? "BOOKED",
  ) => {
    const startsAt = zonedInstant(day, b.at[0], b.at[1], TIMEZONE);
    const key =
      Object.keys(DEMO_DURATIONS)
        .map(Number)
        .sort((x, y) => x - y)
        .find((k) => k >= b.size) ?? 8;
    const tableIds = await Promise.all(b.tables.map(table));
    await tx.reservation.create({
      data: {
        locationId,
        guestId: guests.get(b.guest)!,
        partySize: b.size,
        startsAt,
        durationMinutes: DEMO_DURATIONS[String(key)],
        status,
        source: b.source ?? "HOST",
        tags: b.tags ?? [],
        notes: b.notes ?? "",
        allergyNotes: b.allergyNotes ?? "",
        createdById: b.source === "ONLINE" ? null : hostId,
        confirmedAt: status === "CONFIRMED" ? new Date() : null,
        completedAt: status === "COMPLETED" ? new Date(startsAt.getTime() + 90 * 60_000) : null,
        noShowAt: status === "NO_SHOW" ? new Date(startsAt.getTime() + 20 * 60_000) : null,
        // Times and `active` are copied from the reservation by the ReservationTable_sync trigger.
        tables: { create: tableIds.map((tableId) => ({ tableId, locationId, startsAt, endsAt: startsAt })) },
      },
    });
  };
  for (const b of TONIGHT) await book(b);

  // History behind the guests' counts: past visits (completed) and no-shows, a week apart.
  for (const g of DEMO_GUESTS) {
    for (let i = 0; i < (g.visits ?? 0) + (g.noShows ?? 0); i++) {
      const day = addDays(today, -7 * (i + 1));
      const status = i < (g.visits ?? 0) ? "COMPLETED" : "NO_SHOW";
      await book({ guest: g.name, size: 2, at: [19, 0], tables: ["4"] }, day, status);
    }
    await tx.guest.update({
      where: { id: guests.get(g.name)! },
      data: { visitCount: g.visits ?? 0, noShowCount: g.noShows ?? 0 },
    });
  }
}

/** Demo checklists (issue 10): the grill's opening line checks, the bar's closing, the servers' side work. */
async function seedChecklists(tx: Tx, locationId: string): Promise<void> {
  if ((await tx.checklist.count({ where: { locationId } })) > 0) return;
  const station = async (slug: string) =>
    (await tx.kitchenStation.findUniqueOrThrow({ where: { locationId_slug: { locationId, slug } } })).id;
  const lists = [
    {
      name: "Grill opening line checks",
      kind: "OPENING" as const,
      stationId: await station("grill"),
      role: null,
      dueMinutes: 11 * 60,
      tasks: [
        "Grill lit and at temperature",
        "Fridge below 5 °C (log it)",
        "Mise en place stocked",
        "Sanitiser buckets fresh",
      ],
    },
    {
      name: "Bar closing",
      kind: "CLOSING" as const,
      stationId: await station("bar"),
      role: null,
      // 01:30 is before the 04:00 cut-off: the next morning, same business day.
      dueMinutes: 90,
      tasks: ["Bottles capped and wiped", "Garnish trays covered and fridged", "Glass washer drained", "Till counted"],
    },
    {
      name: "Server side work",
      kind: "OPENING" as const,
      stationId: null,
      role: "SERVER" as const,
      dueMinutes: 17 * 60,
      tasks: ["Roll silverware", "Fill salt, pepper and sugar", "Menus wiped", "Candles on every table"],
    },
  ];
  for (const [sortOrder, { tasks, ...list }] of lists.entries()) {
    await tx.checklist.create({
      data: {
        ...list,
        locationId,
        sortOrder,
        tasks: { create: tasks.map((label, i) => ({ label, sortOrder: i })) },
      },
    });
  }
}

function lookup(map: Map<string, string>, key: string, location: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`Demo data of ${location} refers to unknown "${key}"`);
  return id;
}
