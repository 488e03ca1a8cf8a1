import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col items-center justify-center gap-4 p-8 text-center">
      <p className="text-6xl font-black text-brand-600">403</p>
      <h1 className="text-2xl font-bold">This area is not for your role</h1>
      <p className="text-gray-600">
        Your account does not have access to this page. If you think it should, ask a manager to change your role.
      </p>
      <Link href="/" className="rounded-lg bg-gray-900 px-5 py-3 font-semibold text-white">
        Go to my home screen
      </Link>
    </main>
  );
}
