export default function GuestTableNotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-bold">This table card isn’t in use</h1>
      <p className="text-gray-700">
        The code may be from an old card. Please ask your server — they can take your order or give you the new card.
      </p>
    </main>
  );
}
