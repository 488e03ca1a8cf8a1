import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-6xl font-black text-gray-500">404</p>
      <h1 className="text-2xl font-bold">Nothing here</h1>
      <Link href="/" className="rounded-lg bg-gray-900 px-5 py-3 font-semibold text-white">
        Home
      </Link>
    </main>
  );
}
