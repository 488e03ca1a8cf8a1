/** The top of every public page of a restaurant: its name and where it is. */
export function RestaurantHeader({ name, address, title }: { name: string; address: string | null; title: string }) {
  return (
    <header className="bg-gray-900 px-5 pb-6 pt-8 text-white">
      <p className="text-sm font-semibold uppercase tracking-wider text-gray-300">{name}</p>
      <h1 className="mt-1 text-3xl font-bold">{title}</h1>
      {address && <p className="mt-2 text-gray-300">{address}</p>}
    </header>
  );
}
