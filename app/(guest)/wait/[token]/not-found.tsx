export default function WaitNotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-bold">We can’t find this waitlist link</h1>
      <p className="text-gray-700">
        The link may be mistyped or from another evening. Please ask at the host stand — we’ll check your place in line.
      </p>
    </main>
  );
}
